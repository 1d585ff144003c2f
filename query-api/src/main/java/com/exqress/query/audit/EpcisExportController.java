package com.exqress.query.audit;

import com.exqress.query.web.WaybillHistories;
import com.exqress.waybill.api.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

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

    @GetMapping(path = "/audit/waybills/{id}/epcis", produces = {JSON_LD, MediaType.APPLICATION_JSON_VALUE})
    public Mono<EpcisDocument> epcis(Actor actor, @PathVariable String id) {
        return histories.read(actor, id).map(documents::of);
    }
}
