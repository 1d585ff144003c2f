package com.exqress.platform.privacy;

import com.exqress.embedded.EmbeddedPostgresServer;
import com.exqress.platform.eventstore.EventStoreConfiguration;
import com.exqress.platform.eventstore.MigratedEventStore;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.DeliveryMethod;
import com.exqress.waybill.api.DeliveryPersonalData;
import com.exqress.waybill.api.PersonalData;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillId;
import com.nimbusds.jose.jwk.JWKSet;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal data in stored events, sealed with the waybill's key, against the real key table. */
class PersonalDataSealingIT {

    private static final String RECEIVED_BY = "Quentin Zarathustra-Velde";
    private static final String NOTE = "behind the blue recycling bin";
    private static final Pattern SEALED = Pattern.compile("\"sealed\":\"([^\"]+)\"");

    private static JdbcTemplate jdbc;
    private static MasterKeys masterKeys;

    @BeforeAll
    static void migrate() {
        EmbeddedPostgresServer server = MigratedEventStore.server();
        jdbc = new JdbcTemplate(server.appDataSource());
        masterKeys = MasterKeys.of(new JWKSet(MasterKeys.generate("sealing-it")), null);
    }

    @Test
    void storedBytesHoldNoPersonalDataAndReadBackWhole() {
        Serializer serializer = serializer();
        WaybillDelivered delivered = delivered(WaybillId.random());

        SerializedObject<byte[]> stored = serializer.serialize(delivered, byte[].class);

        assertThat(text(stored)).doesNotContain(RECEIVED_BY).doesNotContain(NOTE)
                .contains("\"waybillId\":\"" + delivered.waybillId() + "\",\"sealed\":\"");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(delivered);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM data_key WHERE waybill_id = ? AND wrapped_key IS NOT NULL",
                Long.class, delivered.waybillId().value())).isEqualTo(1L);
    }

    @Test
    void aDestroyedKeyLeavesTheFieldsErasedForEveryReaderAndTakesNoNewData() {
        DataKeys keys = dataKeys();
        Serializer serializer = serializer(keys);
        WaybillDelivered delivered = delivered(WaybillId.random());
        SerializedObject<byte[]> stored = serializer.serialize(delivered, byte[].class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(delivered);

        keys.destroy(delivered.waybillId());

        DeliveryPersonalData erased = new DeliveryPersonalData(PersonalData.ERASED, PersonalData.ERASED);
        assertThat(((WaybillDelivered) serializer.deserialize(stored)).personalData()).isEqualTo(erased);
        assertThat(((WaybillDelivered) serializer().deserialize(stored)).personalData()).isEqualTo(erased);
        assertThat(jdbc.queryForMap("SELECT wrapped_key, destroyed_at FROM data_key WHERE waybill_id = ?",
                delivered.waybillId().value()))
                .containsEntry("wrapped_key", null).extractingByKey("destroyed_at").isNotNull();
        assertThatThrownBy(() -> serializer.serialize(delivered, byte[].class))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("was destroyed");
    }

    @Test
    void anAlteredSealDoesNotOpen() {
        Serializer serializer = serializer();
        SerializedObject<byte[]> stored = serializer.serialize(delivered(WaybillId.random()), byte[].class);
        Matcher sealed = SEALED.matcher(text(stored));
        assertThat(sealed.find()).isTrue();
        byte[] bytes = Base64.getDecoder().decode(sealed.group(1));
        bytes[bytes.length - 1] ^= 1;
        String altered = text(stored).replace(sealed.group(1), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(
                altered.getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType())))
                .hasRootCauseInstanceOf(AesGcm.SealBroken.class);
    }

    @Test
    void anotherMasterKeyCannotOpenTheDataKeys() {
        SerializedObject<byte[]> stored = serializer().serialize(delivered(WaybillId.random()), byte[].class);
        MasterKeys other = MasterKeys.of(new JWKSet(MasterKeys.generate("someone-else")), null);

        assertThatThrownBy(() -> serializer(new DataKeys(jdbc, other, Duration.ofSeconds(30))).deserialize(stored))
                .rootCause().hasMessageContaining("master key sealing-it, which this service does not hold");
    }

    @Test
    void personalDataOutsideAWaybillEventIsNeverWritten() {
        assertThatThrownBy(() -> serializer().serialize(new DeliveryPersonalData(RECEIVED_BY, NOTE), byte[].class))
                .rootCause().hasMessageContaining("only inside a waybill event");
    }

    private static WaybillDelivered delivered(WaybillId waybillId) {
        return new WaybillDelivered(waybillId, DeliveryMethod.AT_DOOR, null, new DeliveryPersonalData(RECEIVED_BY, NOTE),
                new Provenance(Actor.customer("customer-1"), Instant.parse("2026-11-23T10:00:00Z"), null, null));
    }

    private static DataKeys dataKeys() {
        return new DataKeys(jdbc, masterKeys, Duration.ofSeconds(30));
    }

    private static Serializer serializer() {
        return serializer(dataKeys());
    }

    private static Serializer serializer(DataKeys keys) {
        return new EventStoreConfiguration().serializer(keys);
    }

    private static String text(SerializedObject<byte[]> stored) {
        return new String(stored.getData(), StandardCharsets.UTF_8);
    }
}
