package com.exqress.query.audit;

import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.query.audit.EpcisObjectEvent.Destination;
import com.exqress.query.audit.EpcisObjectEvent.Location;
import com.exqress.query.audit.EpcisObjectEvent.Source;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Translates a waybill's stored history into an EPCIS 2.0 document of ObjectEvents with CBV business steps, so
 * that an auditor's EPCIS tooling can read it. Nothing personal goes out: the parcel is its waybill id (random),
 * parties are carriers and hubs, couriers appear as their carrier and a sender as the role {@code sender}.
 *
 * <p>Events that are not a physical step of the parcel are left out: {@code PersonalDataDisclosed} (who read
 * which personal field; the raw history has it), {@code LabelRevoked} (a label reference stops resolving, the
 * parcel does not change), and the scans whose consequence is exported in their place (pickup, delivered,
 * delivery failed, returned). {@code ParcelReturned} is left out too: the hand-off back to the sender or desk that
 * precedes it is exported with disposition {@code returned}.
 */
@Component
public class EpcisDocuments {

    static final String WAYBILL = "urn:exqress:waybill:";
    static final String PARTY = "urn:exqress:party:";
    static final String HUB = "urn:exqress:hub:";
    /** The sender is a person; the export names only their role in this waybill. */
    static final String SENDER_PARTY = PARTY + "sender";
    /** The CBV has no disposition for a parcel handed to its recipient. */
    static final String DELIVERED = "urn:exqress:disposition:delivered";

    private static final String POSSESSING_PARTY = "possessing_party";
    private static final String LOCATION = "location";

    private final CarrierDirectory carriers;
    private final Clock clock;

    public EpcisDocuments(CarrierDirectory carriers, Clock clock) {
        this.carriers = carriers;
        this.clock = clock;
    }

    /** The document for a waybill's whole history, which starts with its {@code WaybillCreated}. */
    public EpcisDocument of(List<? extends DomainEventMessage<?>> history) {
        WaybillCreated created = (WaybillCreated) history.get(0).getPayload();
        String epc = WAYBILL + created.waybillId();
        ZoneId zone = timeZoneOf(created.carrier());
        List<EpcisObjectEvent> events = history.stream()
                .flatMap(message -> toObjectEvents(message, epc, zone).stream())
                .toList();
        return new EpcisDocument(clock.instant(), events);
    }

    private ZoneId timeZoneOf(CarrierId carrier) {
        return carriers.isKnown(carrier) ? carriers.carrier(carrier).timeZone() : ZoneOffset.UTC;
    }

    private static List<EpcisObjectEvent> toObjectEvents(DomainEventMessage<?> message, String epc, ZoneId zone) {
        WaybillEvent event = (WaybillEvent) message.getPayload();
        List<Step> steps = stepsOf(event);
        Instant at = event.provenance().at();
        return IntStream.range(0, steps.size())
                .mapToObj(i -> steps.get(i).toObjectEvent(eventId(message, i), at, offset(zone, at),
                        message.getTimestamp(), epc))
                .toList();
    }

    /** The business steps one stored event stands for, in order; none for events that are not a physical step. */
    static List<Step> stepsOf(WaybillEvent event) {
        if (event instanceof WaybillCreated) {
            return List.of(new Step("ADD", "commissioning", "active"));
        }
        if (event instanceof LabelPrinted) {
            return List.of(new Step("OBSERVE", "encoding", "active"));
        }
        if (event instanceof ParcelScanned scan) {
            return scanSteps(scan);
        }
        if (event instanceof CustodyTransferred transfer) {
            return handOffSteps(transfer);
        }
        if (event instanceof DeliveryAttemptFailed) {
            // The courier keeps the parcel for another attempt: held, still in transit.
            return List.of(new Step("OBSERVE", "holding", "in_transit"));
        }
        if (event instanceof WaybillDelivered delivered) {
            CarrierId carrier = delivered.provenance().actor().carrier();
            List<Source> from = carrier == null ? List.of() : List.of(new Source(POSSESSING_PARTY, PARTY + carrier));
            return List.of(new Step("OBSERVE", "accepting", DELIVERED).between(from, List.of()));
        }
        if (event instanceof WaybillDisposed) {
            return List.of(new Step("DELETE", "decommissioning", "disposed"));
        }
        return List.of();
    }

    private static List<Step> scanSteps(ParcelScanned scan) {
        Location hub = scan.hub() == null ? null : hub(scan.hub().value());
        if (scan.action() == ScanAction.HUB_ARRIVAL) {
            return List.of(new Step("OBSERVE", "arriving", "in_transit").at(hub, hub));
        }
        if (scan.action() == ScanAction.HUB_DEPARTURE || scan.action() == ScanAction.OUT_FOR_DELIVERY) {
            // Read at the hub it leaves; it is no longer located there, so no business location.
            return List.of(new Step("OBSERVE", "departing", "in_transit").at(hub, null));
        }
        return List.of();
    }

    /** A hand-off is two EPCIS events, as each party would record it: shipped by the giver, received by the taker. */
    private static List<Step> handOffSteps(CustodyTransferred transfer) {
        List<Source> sources = new ArrayList<>(List.of(new Source(POSSESSING_PARTY, party(transfer.from()))));
        List<Destination> destinations = new ArrayList<>(List.of(new Destination(POSSESSING_PARTY, party(transfer.to()))));
        Location fromHub = hubOf(transfer.from());
        Location toHub = hubOf(transfer.to());
        if (fromHub != null) {
            sources.add(new Source(LOCATION, fromHub.id()));
        }
        if (toHub != null) {
            destinations.add(new Destination(LOCATION, toHub.id()));
        }
        // Custody goes back to the sender or the carrier desk only when the parcel is returned (Waybill.returned).
        String received = transfer.to().carrierHolds() ? "in_transit" : "returned";
        return List.of(
                new Step("OBSERVE", "shipping", "in_transit").at(fromHub, null).between(sources, destinations),
                new Step("OBSERVE", "receiving", received).at(toHub, toHub).between(sources, destinations));
    }

    private static String party(Custodian custodian) {
        return custodian.carrier() == null ? SENDER_PARTY : PARTY + custodian.carrier();
    }

    private static Location hubOf(Custodian custodian) {
        return custodian.kind() == CustodianKind.HUB ? hub(custodian.id()) : null;
    }

    private static Location hub(String code) {
        return new Location(HUB + code);
    }

    /**
     * The stored event's own id for its first EPCIS event; further ones get a name-based UUID from it, so that
     * exporting the same history twice gives the same ids.
     */
    private static String eventId(DomainEventMessage<?> message, int index) {
        String id = index == 0 ? message.getIdentifier()
                : UUID.nameUUIDFromBytes((message.getIdentifier() + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
        return "urn:uuid:" + id;
    }

    /** EPCIS wants {@code +00:00}, never the {@code Z} that {@link ZoneOffset#getId()} gives for UTC. */
    static String offset(ZoneId zone, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    }

    /** What one business step says, before it is dated and given an id. */
    record Step(String action, String bizStep, String disposition, Location readPoint, Location bizLocation,
                List<Source> sources, List<Destination> destinations) {

        Step(String action, String bizStep, String disposition) {
            this(action, bizStep, disposition, null, null, List.of(), List.of());
        }

        Step at(Location readPoint, Location bizLocation) {
            return new Step(action, bizStep, disposition, readPoint, bizLocation, sources, destinations);
        }

        Step between(List<Source> sources, List<Destination> destinations) {
            return new Step(action, bizStep, disposition, readPoint, bizLocation, sources, destinations);
        }

        EpcisObjectEvent toObjectEvent(String eventId, Instant eventTime, String offset, Instant recordTime, String epc) {
            return new EpcisObjectEvent(eventId, eventTime, offset, recordTime, List.of(epc), action, bizStep,
                    disposition, readPoint, bizLocation, sources, destinations);
        }
    }
}
