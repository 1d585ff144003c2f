package com.exqress.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * One EPCIS 2.0 ObjectEvent about the parcel. CBV values are the bare words the GS1 context maps (GS1's schema
 * refuses CBV URIs in JSON-LD); anything outside the CBV is an {@code urn:exqress:} URI. Absent fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "eventID", "eventTime", "eventTimeZoneOffset", "recordTime", "epcList", "action",
        "bizStep", "disposition", "readPoint", "bizLocation", "sourceList", "destinationList"})
public record EpcisObjectEvent(@JsonProperty("eventID") String eventId,
                               Instant eventTime,
                               String eventTimeZoneOffset,
                               Instant recordTime,
                               List<String> epcList,
                               String action,
                               String bizStep,
                               String disposition,
                               Location readPoint,
                               Location bizLocation,
                               List<Source> sourceList,
                               List<Destination> destinationList) {

    public EpcisObjectEvent {
        epcList = List.copyOf(epcList);
        sourceList = sourceList == null || sourceList.isEmpty() ? null : List.copyOf(sourceList);
        destinationList = destinationList == null || destinationList.isEmpty() ? null : List.copyOf(destinationList);
    }

    @JsonProperty("type")
    public String type() {
        return "ObjectEvent";
    }

    /** A read point or business location, by URI. */
    public record Location(String id) {
    }

    /** Where the parcel came from: {@code type} is a CBV source/destination type such as {@code possessing_party}. */
    public record Source(String type, String source) {
    }

    /** Where the parcel went, typed as in {@link Source}. */
    public record Destination(String type, String destination) {
    }
}
