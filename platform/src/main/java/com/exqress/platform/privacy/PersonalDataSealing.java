package com.exqress.platform.privacy;

import com.exqress.waybill.api.PersonalData;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The Jackson module of the event serializer that seals personal data. A {@link PersonalData} field of a
 * {@link WaybillEvent} is written as {@code {"waybillId":"…","sealed":"<base64 nonce ‖ AES-GCM ciphertext>"}}
 * under that waybill's data key, and read back as the original value, or as its erased form once the key is
 * destroyed. Personal data anywhere else is refused: it would be written in the clear.
 */
public final class PersonalDataSealing {

    private static final String WAYBILL_ID = "waybillId";
    private static final String SEALED = "sealed";

    /** Reads and writes the plaintext inside a seal; without this module, so it does not seal again. */
    private static final ObjectMapper PLAINTEXT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PersonalDataSealing() {
    }

    public static SimpleModule module(DataKeys dataKeys) {
        SimpleModule module = new SimpleModule("personal-data-sealing");
        module.addSerializer(PersonalData.class, new SealingSerializer(dataKeys));
        module.setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) {
                return PersonalData.class.isAssignableFrom(type.getRawClass())
                        ? new OpeningDeserializer(type.getRawClass().asSubclass(PersonalData.class), dataKeys)
                        : null;
            }
        });
        return module;
    }

    /**
     * Binds a sealed value to the waybill named beside it. Moving both into another waybill's event would open,
     * but changes that event's stored bytes, which its hash chain exposes.
     */
    private static byte[] associatedData(WaybillId waybillId) {
        return ("exqress personal data " + waybillId).getBytes(StandardCharsets.UTF_8);
    }

    private static final class SealingSerializer extends StdSerializer<PersonalData> {

        private final transient DataKeys dataKeys;

        SealingSerializer(DataKeys dataKeys) {
            super(PersonalData.class);
            this.dataKeys = dataKeys;
        }

        @Override
        public void serialize(PersonalData value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            // The event being written is the value of the object this field is written into.
            if (!(generator.currentValue() instanceof WaybillEvent event)) {
                throw new IllegalStateException("personal data is written only inside a waybill event, sealed with "
                        + "its waybill's key");
            }
            WaybillId waybillId = event.waybillId();
            byte[] plaintext = PLAINTEXT.writeValueAsBytes(value);
            byte[] sealed = AesGcm.seal(dataKeys.forSealing(waybillId), associatedData(waybillId), plaintext);
            generator.writeStartObject();
            generator.writeStringField(WAYBILL_ID, waybillId.toString());
            generator.writeStringField(SEALED, Base64.getEncoder().encodeToString(sealed));
            generator.writeEndObject();
        }
    }

    private static final class OpeningDeserializer extends JsonDeserializer<PersonalData> {

        private final Class<? extends PersonalData> type;
        private final DataKeys dataKeys;

        OpeningDeserializer(Class<? extends PersonalData> type, DataKeys dataKeys) {
            this.type = type;
            this.dataKeys = dataKeys;
        }

        @Override
        public PersonalData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            JsonNode waybillId = node.get(WAYBILL_ID);
            JsonNode sealed = node.get(SEALED);
            if (waybillId == null || !waybillId.isTextual() || sealed == null || !sealed.isTextual()) {
                return context.reportInputMismatch(type, "stored personal data must be sealed");
            }
            WaybillId owner = WaybillId.parse(waybillId.asText());
            Optional<SecretKey> key = dataKeys.forOpening(owner);
            if (key.isEmpty()) {
                return PersonalData.erased(type);
            }
            byte[] plaintext = AesGcm.open(key.get(), associatedData(owner), Base64.getDecoder().decode(sealed.asText()));
            return PLAINTEXT.readValue(plaintext, type);
        }
    }
}
