package com.exqress.query.audit;

import com.exqress.query.web.WaybillHistories;
import com.exqress.waybill.api.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /audit/waybills/{id}/verify}: recomputes the waybill's hash chain from the store, for the same readers
 * as its history ({@link WaybillHistories}).
 */
@RestController
public class ChainVerificationController {

    private final WaybillHistories histories;
    private final EventChainVerifier verifier;

    public ChainVerificationController(WaybillHistories histories, EventChainVerifier verifier) {
        this.histories = histories;
        this.verifier = verifier;
    }

    @GetMapping(path = "/audit/waybills/{id}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChainVerification> verify(Actor actor, @PathVariable String id) {
        return histories.audit(actor, id, events -> verifier.verify(events.peek().getAggregateIdentifier()));
    }
}
