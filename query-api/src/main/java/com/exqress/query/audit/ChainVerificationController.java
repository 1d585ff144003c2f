package com.exqress.query.audit;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.query.web.WaybillHistories;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_FOUND;
import static com.exqress.waybill.api.Role.AUDITOR;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;

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

    @Operation(summary = "Recompute the waybill's hash chain from the event store")
    @Access(value = {AUDITOR, CARRIER_ADMIN},
            rule = "auditors, and admins of the waybill's carrier (others' admins are told WAYBILL_NOT_FOUND)")
    @Problems(WAYBILL_NOT_FOUND)
    @GetMapping(path = "/audit/waybills/{id}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChainVerification> verify(Actor actor, @PathVariable String id) {
        return histories.audit(actor, id, events -> verifier.verify(events.peek().getAggregateIdentifier()));
    }
}
