package com.exqress.query.audit;

import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.TrackingNumber;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What an audit search looks for; every condition given must hold.
 *
 * @param carrier the waybill's carrier
 * @param actor   the account that acted, e.g. a courier's id
 * @param from    events at or after this instant; null for no lower bound
 * @param to      events before this instant; null for no upper bound
 */
public record AuditSearchFilter(String trackingNumber, CarrierId carrier, String actor, Instant from, Instant to) {

    /** Account ids are at most this long, as the index column is. */
    private static final int MAX_ACTOR_LENGTH = 255;

    /**
     * From the query parameters of the same names. At least one is required: a search for everything would read
     * the whole index.
     */
    public static AuditSearchFilter of(String trackingNumber, String carrier, String actor, String from, String to) {
        if (trackingNumber == null && carrier == null && actor == null && from == null && to == null) {
            throw ApiProblem.invalidField("trackingNumber", "give at least one of trackingNumber, carrier, actor, from, to");
        }
        if (trackingNumber != null && !TrackingNumber.isValid(trackingNumber)) {
            throw ApiProblem.invalidField("trackingNumber", "is not a tracking number");
        }
        if (carrier != null && !CarrierId.isWellFormed(carrier)) {
            throw ApiProblem.invalidField("carrier", "must be a carrier code of three upper-case letters");
        }
        if (actor != null && (actor.isBlank() || actor.length() > MAX_ACTOR_LENGTH)) {
            throw ApiProblem.invalidField("actor", "must be an account id of 1 to " + MAX_ACTOR_LENGTH + " characters");
        }
        Instant fromInstant = from == null ? null : instant("from", from);
        Instant toInstant = to == null ? null : instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ApiProblem.invalidField("to", "must be after from");
        }
        return new AuditSearchFilter(trackingNumber, carrier == null ? null : new CarrierId(carrier), actor,
                fromInstant, toInstant);
    }

    /** The same search within one carrier's waybills. */
    AuditSearchFilter withCarrier(CarrierId carrierId) {
        return new AuditSearchFilter(trackingNumber, carrierId, actor, from, to);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z");
        }
    }
}
