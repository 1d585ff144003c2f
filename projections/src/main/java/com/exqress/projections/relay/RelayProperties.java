package com.exqress.projections.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code exqress.relay.*}: the topic the integration events go to, created at start-up when missing.
 *
 * @param topic      the topic; its name carries the schema's major version
 * @param partitions how many partitions a new topic gets: the most consumers of one group that can share it
 * @param replicas   how many replicas a new topic gets; unset, the broker's {@code default.replication.factor}
 *                   (1 on the embedded broker, usually 3 on a production cluster)
 */
@ConfigurationProperties("exqress.relay")
public record RelayProperties(@DefaultValue("exqress.waybill-events.v1") String topic,
                              @DefaultValue("6") int partitions,
                              Short replicas) {
}
