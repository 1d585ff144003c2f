package com.exqress.command.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code exqress.retention.*}: how long a delivered waybill is kept before it is disposed of.
 *
 * @param afterDelivery how long after its delivery a waybill is disposed of
 * @param sweepInterval how often each command-api replica looks for waybills whose retention expired
 */
@ConfigurationProperties("exqress.retention")
public record RetentionProperties(@DefaultValue("P30D") Duration afterDelivery,
                                  @DefaultValue("PT1M") Duration sweepInterval) {

    public RetentionProperties {
        if (afterDelivery.isNegative() || afterDelivery.isZero()
                || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("exqress.retention.after-delivery and sweep-interval must be positive");
        }
    }
}
