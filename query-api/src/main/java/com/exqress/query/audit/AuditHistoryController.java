package com.exqress.query.audit;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.query.web.WaybillHistories;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.STORED_EVENT_UNREADABLE;
import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_FOUND;
import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_YET_CREATED;
import static com.exqress.waybill.api.Role.AUDITOR;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;

/**
 * {@code GET /audit/waybills/{id}/history} and {@code /state?asOf=}: a waybill's history event by event, and its
 * state replayed at an instant, for the same readers as the raw history ({@link WaybillHistories}). Input is
 * checked after the access rule, so a caller who may not read the waybill learns nothing from a 400.
 */
@RestController
public class AuditHistoryController {

    private final WaybillHistories histories;
    private final HistoryEntries entries;

    public AuditHistoryController(WaybillHistories histories, HistoryEntries entries) {
        this.histories = histories;
        this.entries = entries;
    }

    @Operation(summary = "A waybill's audit trail, event by event, a page at a time")
    @Access(value = {AUDITOR, CARRIER_ADMIN},
            rule = "auditors, and admins of the waybill's carrier (others' admins are told WAYBILL_NOT_FOUND)")
    @Problems({WAYBILL_NOT_FOUND, VALIDATION_FAILED, STORED_EVENT_UNREADABLE})
    @GetMapping(path = "/audit/waybills/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AuditHistory> history(Actor actor, @PathVariable String id,
                                      @RequestParam(required = false) String limit,
                                      @RequestParam(required = false) String cursor) {
        return histories.read(actor, id).map(events -> entries.page(id, events, PageRequest.of(limit, cursor)));
    }

    @Operation(summary = "The waybill as it stood at an instant, replayed from its events")
    @Access(value = {AUDITOR, CARRIER_ADMIN},
            rule = "auditors, and admins of the waybill's carrier (others' admins are told WAYBILL_NOT_FOUND)")
    @Problems({WAYBILL_NOT_FOUND, WAYBILL_NOT_YET_CREATED, VALIDATION_FAILED, STORED_EVENT_UNREADABLE})
    @GetMapping(path = "/audit/waybills/{id}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WaybillState> state(Actor actor, @PathVariable String id,
                                    @RequestParam(required = false) String asOf) {
        return histories.read(actor, id).map(events -> StateReplay.at(id, events, StateReplay.parseAsOf(asOf)));
    }
}
