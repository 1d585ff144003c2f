package com.exqress.query.web;

import com.exqress.waybill.api.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Renders event payloads with every {@link PersonalData} value object replaced by a marker. Events
 * keep personal fields only inside such objects, so redacting by type misses none.
 */
@Component
public class PersonalDataRedaction {

    static final String MARKER = "[redacted personal data]";

    private final ObjectMapper redacting;

    public PersonalDataRedaction(ObjectMapper objectMapper) {
        this.redacting = objectMapper.copy().registerModule(new SimpleModule("personal-data-redaction")
                .addSerializer(PersonalData.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(PersonalData value, JsonGenerator json, SerializerProvider provider)
                            throws IOException {
                        json.writeString(MARKER);
                    }
                }));
    }

    public JsonNode toJson(Object payload) {
        return redacting.valueToTree(payload);
    }
}
