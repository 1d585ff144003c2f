package com.exqress.query.readmodel;

import com.exqress.waybill.api.TrackingStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingSettingsTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Test
    void everyStatusThatIsNotTerminalHasAThresholdTheDefaultOrItsOwn() {
        TrackingSettings settings = new TrackingSettings(Duration.ofHours(48),
                Map.of(TrackingStatus.OUT_FOR_DELIVERY, Duration.ofHours(6)), HEARTBEAT);

        assertThat(settings.stuckThresholds()).containsExactly(
                Map.entry(TrackingStatus.INFO_RECEIVED, Duration.ofHours(48)),
                Map.entry(TrackingStatus.PICKED_UP, Duration.ofHours(48)),
                Map.entry(TrackingStatus.IN_TRANSIT, Duration.ofHours(48)),
                Map.entry(TrackingStatus.OUT_FOR_DELIVERY, Duration.ofHours(6)),
                Map.entry(TrackingStatus.DELIVERY_FAILED, Duration.ofHours(48)));
    }

    /** As the README names them. */
    @Test
    void environmentVariablesSetThem() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("EXQRESS_TRACKING_STUCKAFTER", "PT24H", "EXQRESS_TRACKING_STUCKAFTERPERSTATUS_OUTFORDELIVERY", "PT12H"));

        TrackingSettings settings = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("exqress.tracking", TrackingSettings.class);

        assertThat(settings.stuckThresholds()).containsEntry(TrackingStatus.IN_TRANSIT, Duration.ofHours(24))
                .containsEntry(TrackingStatus.OUT_FOR_DELIVERY, Duration.ofHours(12));
        assertThat(settings.heartbeat()).isEqualTo(HEARTBEAT);
    }

    @Test
    void aTerminalStatusCannotHaveAThreshold() {
        assertThatThrownBy(() -> new TrackingSettings(Duration.ofHours(48), Map.of(TrackingStatus.DELIVERED, Duration.ofHours(1)),
                HEARTBEAT)).hasMessageContaining("never stuck");
    }

    @Test
    void durationsArePositive() {
        assertThatThrownBy(() -> new TrackingSettings(Duration.ZERO, null, HEARTBEAT)).hasMessageContaining("stuck-after");
        assertThatThrownBy(() -> new TrackingSettings(Duration.ofHours(1), Map.of(TrackingStatus.IN_TRANSIT, Duration.ofHours(-1)),
                HEARTBEAT)).hasMessageContaining("stuck-after-per-status.IN_TRANSIT");
        assertThatThrownBy(() -> new TrackingSettings(Duration.ofHours(1), null, Duration.ZERO)).hasMessageContaining("heartbeat");
    }
}
