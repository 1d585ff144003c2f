package com.exqress.query.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/** An EPCIS 2.0 JSON-LD document: the header GS1's schema requires and the events in their body. */
@JsonPropertyOrder({"@context", "type", "schemaVersion", "creationDate", "epcisBody"})
public record EpcisDocument(Instant creationDate, Body epcisBody) {

    /** GS1's published context; it maps the bare CBV words used for bizStep, disposition and source types. */
    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    public EpcisDocument(Instant creationDate, List<EpcisObjectEvent> events) {
        this(creationDate, new Body(events));
    }

    @JsonProperty("@context")
    public List<String> context() {
        return List.of(CONTEXT);
    }

    @JsonProperty("type")
    public String type() {
        return "EPCISDocument";
    }

    @JsonProperty("schemaVersion")
    public String schemaVersion() {
        return "2.0";
    }

    public record Body(List<EpcisObjectEvent> eventList) {
        public Body {
            eventList = List.copyOf(eventList);
        }
    }
}
