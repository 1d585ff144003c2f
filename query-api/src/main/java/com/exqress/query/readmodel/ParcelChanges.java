package com.exqress.query.readmodel;

import com.exqress.platform.notices.PostgresNotices;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.UUID;

/**
 * Tells live views when a parcel's read-model row changed: the projections service runs
 * {@code pg_notify('parcel_changed', <waybill id>)} in the transaction that changes the row. Notices feed a
 * multicast sink; after the listener (re)connects, every view is told to re-read. Stopping the context completes
 * the sink, which ends the views.
 */
@Component
public class ParcelChanges extends PostgresNotices {

    static final String CHANNEL = "parcel_changed";
    static final String APPLICATION_NAME = "exqress-parcel-changes";

    private static final Logger log = LoggerFactory.getLogger(ParcelChanges.class);

    // Only the listener thread emits, so emissions never race.
    private final Sinks.Many<ParcelChanged> sink = Sinks.many().multicast().directBestEffort();

    public ParcelChanges(DataSourceProperties dataSource, MeterRegistry meters) {
        super(dataSource, CHANNEL, APPLICATION_NAME);
        Gauge.builder("exqress.tracking.streams", sink, Sinks.Many::currentSubscriberCount)
                .description("live tracking views waiting for parcel changes")
                .register(meters);
    }

    /** Every change from now on; completes when the service stops. */
    public Flux<ParcelChanged> changes() {
        return sink.asFlux();
    }

    @Override
    protected void onNotice(String payload) {
        UUID waybillId;
        try {
            waybillId = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            log.warn("ignored a {} notice whose payload is not a waybill id", CHANNEL);
            return;
        }
        sink.tryEmitNext(new ParcelChanged(waybillId));
    }

    @Override
    protected void onListening() {
        sink.tryEmitNext(ParcelChanged.ANY);
    }

    @Override
    protected void onStopped() {
        sink.tryEmitComplete();
    }
}
