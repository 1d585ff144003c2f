package com.exqress.query.customer;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.BlockingWork;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_FOUND;
import static com.exqress.waybill.api.Role.CUSTOMER;

/**
 * {@code GET /tracking/{trackingNumber}} and its live stream, for the parcel's sender and recipient. Everyone
 * else is told it does not exist.
 */
@RestController
public class TrackingController {

    private final CustomerParcels parcels;
    private final TrackingStream stream;
    private final BlockingWork blocking;

    public TrackingController(CustomerParcels parcels, TrackingStream stream, BlockingWork blocking) {
        this.parcels = parcels;
        this.stream = stream;
        this.blocking = blocking;
    }

    @Operation(summary = "Where a parcel is, what happens next and how it got there")
    @Access(value = CUSTOMER, rule = "its sender and recipient; anyone else is told WAYBILL_NOT_FOUND")
    @Problems(WAYBILL_NOT_FOUND)
    @GetMapping(path = "/tracking/{trackingNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TrackingView> view(Actor actor, @PathVariable String trackingNumber) {
        return blocking.call(() -> parcels.view(actor, trackingNumber));
    }

    @Operation(summary = "The tracking view as server-sent events, again at every change")
    @Access(value = CUSTOMER, rule = "its sender and recipient; anyone else is told WAYBILL_NOT_FOUND")
    @Problems(WAYBILL_NOT_FOUND)
    @GetMapping(path = "/tracking/{trackingNumber}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<TrackingView>> stream(Actor actor, @PathVariable String trackingNumber) {
        return stream.of(actor, trackingNumber);
    }
}
