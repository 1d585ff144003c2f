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

import static com.exqress.platform.web.ProblemCode.STORED_EVENT_UNREADABLE;
import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_FOUND;
import static com.exqress.waybill.api.Role.AUDITOR;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;

/**
 * {@code GET /audit/waybills/{id}/epcis}: a waybill's history as an EPCIS 2.0 JSON-LD document, for the same
 * readers as the raw history ({@link WaybillHistories}).
 */
@RestController
public class EpcisExportController {

    static final String JSON_LD = "application/ld+json";

    private final WaybillHistories histories;
    private final EpcisDocuments documents;

    public EpcisExportController(WaybillHistories histories, EpcisDocuments documents) {
        this.histories = histories;
        this.documents = documents;
    }

    @Operation(summary = "The waybill's history as a GS1 EPCIS 2.0 document")
    @Access(value = {AUDITOR, CARRIER_ADMIN},
            rule = "auditors, and admins of the waybill's carrier (others' admins are told WAYBILL_NOT_FOUND)")
    @Problems({WAYBILL_NOT_FOUND, STORED_EVENT_UNREADABLE})
    @GetMapping(path = "/audit/waybills/{id}/epcis", produces = {JSON_LD, MediaType.APPLICATION_JSON_VALUE})
    public Mono<EpcisDocument> epcis(Actor actor, @PathVariable String id) {
        return histories.read(actor, id).map(documents::of);
    }
}
