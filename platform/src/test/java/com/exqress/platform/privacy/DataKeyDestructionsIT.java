package com.exqress.platform.privacy;

import com.exqress.embedded.EmbeddedPostgresServer;
import com.exqress.platform.eventstore.MigratedEventStore;
import com.exqress.waybill.api.WaybillId;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two services on one database: the one that holds a cached copy of a waybill's data key drops it once the other
 * destroys the key, long before the copy would expire.
 */
class DataKeyDestructionsIT {

    private static final Duration LONG_TTL = Duration.ofHours(1);

    private JdbcTemplate jdbc;
    private DataKeys reader;
    private DataKeys disposer;
    private DataKeyDestructions readersListener;

    @BeforeEach
    void twoServices() {
        EmbeddedPostgresServer server = MigratedEventStore.server();
        jdbc = new JdbcTemplate(server.appDataSource());
        MasterKeys masterKeys = MasterKeys.of(new JWKSet(MasterKeys.generate("destructions-it")), null);
        reader = new DataKeys(jdbc, masterKeys, LONG_TTL);
        disposer = new DataKeys(jdbc, masterKeys, LONG_TTL);
        DataSourceProperties dataSource = new DataSourceProperties();
        dataSource.setUrl(server.springProperties().get("spring.datasource.url"));
        dataSource.setUsername(server.springProperties().get("spring.datasource.username"));
        dataSource.setPassword(server.springProperties().get("spring.datasource.password"));
        readersListener = new DataKeyDestructions(dataSource, reader);
        readersListener.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'LISTEN%'",
                Integer.class, DataKeyDestructions.APPLICATION_NAME) > 0);
    }

    @AfterEach
    void stop() {
        if (readersListener.isRunning()) {
            readersListener.stop();
        }
    }

    @Test
    void aKeyDestroyedByAnotherServiceIsDroppedFromThisOnesCacheAtOnce() {
        WaybillId waybillId = WaybillId.random();
        disposer.forSealing(waybillId);
        assertThat(reader.forOpening(waybillId)).as("cached by the reader").isPresent();

        disposer.destroy(waybillId);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reader.forOpening(waybillId)).isEmpty());
    }

    @Test
    void withoutTheAnnouncementTheCopyWouldHaveLived() {
        readersListener.stop();
        WaybillId waybillId = WaybillId.random();
        disposer.forSealing(waybillId);
        reader.forOpening(waybillId);

        disposer.destroy(waybillId);

        assertThat(reader.forOpening(waybillId)).isPresent();
    }
}
