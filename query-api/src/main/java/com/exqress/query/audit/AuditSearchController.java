package com.exqress.query.audit;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.waybill.api.Role.AUDITOR;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;

/**
 * {@code GET /audit/events}: waybill events by tracking number, carrier, actor and time, for investigations
 * ("which courier scanned what, when"), from the audit index.
 */
@RestController
public class AuditSearchController {

    private final AuditSearch search;
    private final BlockingWork blocking;

    public AuditSearchController(AuditSearch search, BlockingWork blocking) {
        this.search = search;
        this.blocking = blocking;
    }

    @Operation(summary = "Search waybill events by tracking number, carrier, actor and time, newest first")
    @Access(value = {AUDITOR, CARRIER_ADMIN},
            rule = "auditors, across carriers; carrier admins, their own carrier's waybills only")
    @Problems(VALIDATION_FAILED)
    @GetMapping(path = "/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page<AuditEvent>> events(Actor actor,
                                         @RequestParam(required = false) String trackingNumber,
                                         @RequestParam(required = false) String carrier,
                                         @RequestParam(name = "actor", required = false) String actorId,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String cursor) {
        return blocking.call(() -> search.search(actor, AuditSearchFilter.of(trackingNumber, carrier, actorId, from, to),
                PageRequest.of(limit, cursor)));
    }
}
