package com.exqress.query.audit;

import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

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
