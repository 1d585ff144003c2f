package com.exqress.query.customer;

import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.ParcelChanged;
import com.exqress.query.readmodel.ParcelChanges;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.query.readmodel.TrackingSettings;
import com.exqress.waybill.api.Actor;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A customer's live tracking view: the current view, then the view again each time the parcel's row changes,
 * with heartbeat comments in between. It ends after the parcel is disposed of, because nothing changes after
 * that, and when the service stops. A client that goes away cancels it, which ends its subscription to the
 * change notices and its heartbeats.
 */
@Component
public class TrackingStream {

    static final String EVENT = "tracking";

    private final CustomerParcels parcels;
    private final ParcelChanges changes;
    private final BlockingWork blocking;
    private final Duration heartbeat;

    public TrackingStream(CustomerParcels parcels, ParcelChanges changes, BlockingWork blocking, TrackingSettings settings) {
        this.parcels = parcels;
        this.changes = changes;
        this.blocking = blocking;
        this.heartbeat = settings.heartbeat();
    }

    /** Fails with WAYBILL_NOT_FOUND, before anything is streamed, where {@link CustomerParcels#view} would. */
    public Flux<ServerSentEvent<TrackingView>> of(Actor actor, String trackingNumber) {
        return blocking.call(() -> parcels.tracked(actor, trackingNumber).orElseThrow(CustomerParcels::notFound))
                .flatMapMany(first -> Flux.concat(Mono.just(first.view()), updates(actor, trackingNumber, first)))
                .distinctUntilChanged()
                .takeUntil(view -> view.status() == TrackingStatus.DISPOSED)
                .map(view -> ServerSentEvent.builder(view).event(EVENT).build())
                // Heartbeats stop when the views end, or they would hold the response open for ever.
                .publish(events -> Flux.merge(events, heartbeats().takeUntilOther(events.ignoreElements())));
    }

    /**
     * The view after each change of the parcel. It re-reads once right away: a change between the first read
     * and the subscription to the notices would be missed otherwise. A burst of notices while a read runs makes
     * one more read, not one each.
     */
    private Flux<TrackingView> updates(Actor actor, String trackingNumber, TrackedParcel first) {
        return changes.changes()
                .filter(change -> change.concerns(first.waybillId()))
                .onBackpressureLatest()
                .startWith(ParcelChanged.ANY)
                .concatMap(change -> blocking.call(() -> parcels.tracked(actor, trackingNumber))
                        .flatMap(Mono::justOrEmpty), 1)
                .map(TrackedParcel::view);
    }

    private Flux<ServerSentEvent<TrackingView>> heartbeats() {
        return Flux.interval(heartbeat, heartbeat).map(tick -> ServerSentEvent.<TrackingView>builder().comment("heartbeat").build());
    }
}
