package com.exqress.waybill;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.CreateWaybill;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.Deliver;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.DeliveryMethod;
import com.exqress.waybill.api.DeliveryPersonalData;
import com.exqress.waybill.api.DeliveryProof;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.Dispose;
import com.exqress.waybill.api.HandOff;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.PrintLabel;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RecordScan;
import com.exqress.waybill.api.RequestKey;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.Routing;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillOutcome;
import com.exqress.waybill.api.WaybillStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.exqress.waybill.api.WaybillErrorCode.CARRIER_NOT_PARTNER;
import static com.exqress.waybill.api.WaybillErrorCode.DISPOSAL_REASON_REQUIRED;
import static com.exqress.waybill.api.WaybillErrorCode.DUPLICATE_REQUEST_MISMATCH;
import static com.exqress.waybill.api.WaybillErrorCode.INVALID_TRANSITION;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_CUSTODIAN;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_PERMITTED;
import static com.exqress.waybill.api.WaybillErrorCode.UNKNOWN_CARRIER;
import static com.exqress.waybill.api.WaybillErrorCode.UNROUTABLE_DESTINATION;
import static com.exqress.waybill.api.WaybillErrorCode.WAYBILL_DISPOSED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A parcel's waybill, from creation to disposal. Every rule about who may do what, and when, lives
 * here; handlers check a rule and apply an event, event sourcing handlers only set state.
 */
public class Waybill {

    /** What a courier needs at pickup: where to collect the parcel and whom to ask for. */
    private static final Set<PersonalField> SENDER_FIELDS =
            Set.of(PersonalField.SENDER_NAME, PersonalField.SENDER_ADDRESS, PersonalField.SENDER_PHONE);
    /** What the last-mile courier needs: where to deliver and whom to ask for or call. */
    private static final Set<PersonalField> RECIPIENT_FIELDS =
            Set.of(PersonalField.RECIPIENT_NAME, PersonalField.RECIPIENT_ADDRESS, PersonalField.RECIPIENT_PHONE);
    /** In the carrier's network between hubs: a failed delivery comes back through a hub or goes out again. */
    private static final Set<WaybillStatus> MOVING = EnumSet.of(WaybillStatus.IN_TRANSIT, WaybillStatus.DELIVERY_FAILED);

    @AggregateIdentifier
    private WaybillId id;
    private TrackingNumber trackingNumber;
    private CarrierId carrier;
    private WaybillStatus status;
    private Custodian custodian;
    private ActorId senderAccount;
    private ActorId recipientAccount;
    private Routing routing;
    private LabelReference activeLabel;
    private int printCount;
    private boolean handedOff;
    /** The hub that holds the parcel has scanned it out; cleared when someone takes custody. */
    private boolean departed;
    /**
     * The courier who took the parcel out for delivery. While the status is OUT_FOR_DELIVERY or DELIVERY_FAILED
     * this courier holds the parcel: any custody transfer to someone else puts it back IN_TRANSIT and clears this.
     */
    private Custodian lastMileCourier;
    /** Requests already executed, by actor and idempotency key, so a retry returns the first outcome. */
    private final Map<String, ProcessedRequest> processedRequests = new HashMap<>();

    @CommandHandler
    public Waybill(CreateWaybill command, CarrierNetwork network) {
        Actor actor = command.provenance().actor();
        boolean customer = actor.role() == Role.CUSTOMER;
        if (!customer && !actor.isCarrierAdminOf(command.carrier())) {
            throw new WaybillRuleViolation(NOT_PERMITTED,
                    "only a customer or an admin of carrier " + command.carrier() + " may create its waybills");
        }
        if (!network.isKnown(command.carrier())) {
            throw new WaybillRuleViolation(UNKNOWN_CARRIER, "carrier " + command.carrier() + " is not on the platform");
        }
        String postalCode = command.personalData().recipient().address().postalCode();
        Routing routing = network.route(command.carrier(), postalCode)
                .orElseThrow(() -> new WaybillRuleViolation(UNROUTABLE_DESTINATION,
                        "carrier " + command.carrier() + " has no route for the recipient's postal code"));
        LocationCode originHub = network.route(command.carrier(), command.personalData().sender().address().postalCode())
                .map(Routing::destinationHub).orElse(null);
        apply(new WaybillCreated(command.waybillId(), command.trackingNumber(), command.carrier(), command.service(),
                routing, originHub, command.parcel(), command.personalData(), customer ? actor.id() : null,
                command.recipientAccount(), Custodian.creator(actor), command.provenance()));
    }

    @CommandHandler
    public WaybillOutcome handle(PrintLabel command) {
        Optional<WaybillOutcome> earlier = earlierOutcome(command.provenance());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireNotDisposed();
        Actor actor = command.provenance().actor();
        if (!actor.isCarrierAdminOf(carrier) && !(isSender(actor) && custodian.isHeldBy(actor))) {
            throw new WaybillRuleViolation(NOT_PERMITTED, "only the sender, before hand-off, or an admin of carrier "
                    + carrier + " may print this label");
        }
        if (status == WaybillStatus.DELIVERED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a delivered parcel needs no new label");
        }
        if (status == WaybillStatus.RETURNED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a returned parcel needs no new label");
        }
        if (activeLabel != null) {
            apply(new LabelRevoked(id, activeLabel, RevocationReason.REPRINTED, command.provenance()));
        }
        apply(new LabelPrinted(id, command.newReference(), printCount + 1, command.provenance()));
        return outcome();
    }

    @CommandHandler
    public WaybillOutcome handle(HandOff command, CarrierNetwork network) {
        Optional<WaybillOutcome> earlier = earlierOutcome(command.provenance());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireNotDisposed();
        if (status == WaybillStatus.CREATED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a parcel cannot be handed off before its label is printed");
        }
        if (status == WaybillStatus.DELIVERED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a delivered parcel cannot be handed off");
        }
        if (status == WaybillStatus.RETURNED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a returned parcel cannot be handed off");
        }
        requireCustodian(command.provenance().actor(), "hand off");
        Custodian to = command.to();
        if (!to.carrierHolds()) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a parcel can only be handed to a courier or a hub");
        }
        if (to.equals(custodian)) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "the parcel is already held by that party");
        }
        if (!to.carrier().equals(carrier) && !network.mayCarryFor(to.carrier(), carrier)) {
            throw new WaybillRuleViolation(CARRIER_NOT_PARTNER, "carrier " + to.carrier()
                    + " is not a declared partner of carrier " + carrier);
        }
        apply(new CustodyTransferred(id, custodian, to, command.provenance()));
        return outcome();
    }

    @CommandHandler
    public WaybillOutcome handle(Deliver command) {
        Optional<WaybillOutcome> earlier = earlierOutcome(command.provenance());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireNotDisposed();
        if (status == WaybillStatus.DELIVERED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "the parcel is already delivered");
        }
        if (status == WaybillStatus.RETURNED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a returned parcel cannot be delivered");
        }
        // A hand-off or any scan that moved custody (pickup, hub arrival, out for delivery) sets handedOff.
        if (!handedOff) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a parcel cannot be delivered before a courier took it");
        }
        requireCustodian(command.provenance().actor(), "deliver");
        apply(new WaybillDelivered(id, command.method(), command.proof(), command.personalData(), command.provenance()));
        return outcome();
    }

    @CommandHandler
    public WaybillOutcome handle(Dispose command) {
        Optional<WaybillOutcome> earlier = earlierOutcome(command.provenance());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireNotDisposed();
        Actor actor = command.provenance().actor();
        DisposalReason reason = command.reason();
        if (actor.isCarrierAdminOf(carrier)) {
            if (reason == null || reason == DisposalReason.RECIPIENT_REQUEST) {
                throw new WaybillRuleViolation(DISPOSAL_REASON_REQUIRED,
                        "a carrier admin must give a reason such as RETURNED_TO_SENDER, LOST or DAMAGED");
            }
            // The retention period runs from delivery, so only a delivered waybill can outlive it.
            if (reason == DisposalReason.RETENTION_EXPIRED && status != WaybillStatus.DELIVERED) {
                throw new WaybillRuleViolation(INVALID_TRANSITION, "only a delivered waybill's retention can expire");
            }
        } else if (isRecipient(actor)) {
            if (status != WaybillStatus.DELIVERED) {
                throw new WaybillRuleViolation(INVALID_TRANSITION, "the recipient can dispose of a waybill only after delivery");
            }
            if (reason != null && reason != DisposalReason.RECIPIENT_REQUEST) {
                throw new WaybillRuleViolation(NOT_PERMITTED, "a recipient disposes only with reason RECIPIENT_REQUEST");
            }
            reason = DisposalReason.RECIPIENT_REQUEST;
        } else {
            throw new WaybillRuleViolation(NOT_PERMITTED, "only the recipient or an admin of carrier " + carrier
                    + " may dispose of this waybill");
        }
        if (activeLabel != null) {
            apply(new LabelRevoked(id, activeLabel, RevocationReason.DISPOSED, command.provenance()));
        }
        apply(new WaybillDisposed(id, reason, command.provenance()));
        return outcome();
    }

    /**
     * A courier's scan. Checks run from who to what: whether the actor is a courier of this carrier or a
     * partner at all (so outsiders learn nothing about the parcel's state), whether the waybill is at a step
     * where this scan fits, and then whether this courier is the one who may make it. Each accepted scan emits
     * {@link ParcelScanned} first, then its consequences, and last the {@link PersonalDataDisclosed} that
     * records what personal fields this step may show; the outcome names those fields.
     */
    @CommandHandler
    public WaybillOutcome handle(RecordScan command, CarrierNetwork network) {
        Optional<WaybillOutcome> earlier = earlierOutcome(command.provenance());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireNotDisposed();
        ScanAction action = Objects.requireNonNull(command.action(), "action");
        Actor actor = command.provenance().actor();
        if (actor.role() != Role.COURIER || actor.carrier() == null) {
            throw new WaybillRuleViolation(NOT_PERMITTED, "only a courier may scan a parcel");
        }
        if (!actor.carrier().equals(carrier) && !network.mayCarryFor(actor.carrier(), carrier)) {
            throw new WaybillRuleViolation(CARRIER_NOT_PARTNER, "carrier " + actor.carrier()
                    + " is not a declared partner of carrier " + carrier);
        }
        if (status == WaybillStatus.CREATED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a parcel cannot be scanned before its label is printed");
        }
        if (status == WaybillStatus.DELIVERED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a parcel cannot be scanned after delivery");
        }
        if (status == WaybillStatus.RETURNED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "a parcel cannot be scanned after it was returned");
        }
        Set<PersonalField> disclosed = switch (action) {
            case PICKUP -> pickup(command, actor);
            case HUB_ARRIVAL -> hubArrival(command, actor);
            case HUB_DEPARTURE -> hubDeparture(command, actor);
            case OUT_FOR_DELIVERY -> outForDelivery(command, actor);
            case DELIVERED -> deliveredScan(command, actor);
            case DELIVERY_FAILED -> deliveryFailed(command, actor);
            case RETURNED -> returned(command, actor);
        };
        return outcome(disclosed);
    }

    /** The courier collects the parcel from the sender or the carrier desk, and needs where and whom to ask. */
    private Set<PersonalField> pickup(RecordScan command, Actor actor) {
        if (status != WaybillStatus.LABEL_PRINTED
                || (custodian.kind() != CustodianKind.SENDER && custodian.kind() != CustodianKind.CARRIER_DESK)) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "only a parcel still with its sender can be picked up");
        }
        scanned(command);
        apply(new CustodyTransferred(id, custodian, courier(actor), command.provenance()));
        return disclose(SENDER_FIELDS, command);
    }

    /** The parcel reaches the hub the scanning courier works at; that hub takes custody. */
    private Set<PersonalField> hubArrival(RecordScan command, Actor actor) {
        if (!MOVING.contains(status)) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "only a parcel in transit can arrive at a hub");
        }
        LocationCode hub = command.hub();
        if (hub == null || !hub.equals(actor.hub())) {
            throw new WaybillRuleViolation(NOT_PERMITTED, "a courier scans arrivals only at the hub they work at");
        }
        Custodian arrivedAt = Custodian.hub(hub, actor.carrier());
        if (arrivedAt.equals(custodian)) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "the parcel is already at that hub");
        }
        scanned(command);
        apply(new CustodyTransferred(id, custodian, arrivedAt, command.provenance()));
        return Set.of();
    }

    /**
     * The parcel leaves the hub that holds it, once; the hub keeps custody until the next arrival or hand-over,
     * so a departure is recorded at the holding hub only, and only once per stay.
     */
    private Set<PersonalField> hubDeparture(RecordScan command, Actor actor) {
        if (custodian.kind() != CustodianKind.HUB) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "only a parcel held at a hub can depart from one");
        }
        requireCustodian(actor, "scan the departure of");
        if (command.hub() == null || !command.hub().value().equals(custodian.id())) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "the parcel is held at another hub than the one scanned");
        }
        if (departed) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "the parcel already left that hub");
        }
        scanned(command);
        return Set.of();
    }

    /** The last-mile courier, posted at the destination hub or already holding the parcel, takes it out. */
    private Set<PersonalField> outForDelivery(RecordScan command, Actor actor) {
        if (!MOVING.contains(status)) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "only a parcel in transit can go out for delivery");
        }
        boolean atDestination = routing.destinationHub().equals(actor.hub());
        if (!atDestination && !custodian.isHeldBy(actor)) {
            throw new WaybillRuleViolation(NOT_PERMITTED,
                    "only a courier of the destination hub or the parcel's holder may take it out for delivery");
        }
        scanned(command);
        Custodian lastMile = courier(actor);
        if (!lastMile.equals(custodian)) {
            apply(new CustodyTransferred(id, custodian, lastMile, command.provenance()));
        }
        return disclose(RECIPIENT_FIELDS, command);
    }

    /**
     * The courier holding the parcel out for delivery delivers it. That courier is always the last-mile
     * courier (any transfer away puts the parcel back in transit), so the recipient's data is disclosed to them.
     */
    private Set<PersonalField> deliveredScan(RecordScan command, Actor actor) {
        if (status != WaybillStatus.OUT_FOR_DELIVERY && status != WaybillStatus.DELIVERY_FAILED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "only a parcel out for delivery can be delivered by scan");
        }
        requireCourierCustodian(actor, "deliver");
        scanned(command);
        apply(new WaybillDelivered(id, DeliveryMethod.TO_RECIPIENT, new DeliveryProof(null, null, null),
                new DeliveryPersonalData(null, null), command.provenance()));
        return disclose(RECIPIENT_FIELDS, command);
    }

    /** The last-mile courier could not deliver and keeps the parcel; they may need to call the recipient. */
    private Set<PersonalField> deliveryFailed(RecordScan command, Actor actor) {
        if (status != WaybillStatus.OUT_FOR_DELIVERY) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "only a parcel out for delivery can fail delivery");
        }
        requireCourierCustodian(actor, "report a failed delivery of");
        scanned(command);
        apply(new DeliveryAttemptFailed(id, command.provenance()));
        return disclose(RECIPIENT_FIELDS, command);
    }

    /** The holder sends the parcel back: custody returns to the sender, or to the carrier desk that created it. */
    private Set<PersonalField> returned(RecordScan command, Actor actor) {
        if (status != WaybillStatus.IN_TRANSIT && status != WaybillStatus.OUT_FOR_DELIVERY
                && status != WaybillStatus.DELIVERY_FAILED) {
            throw new WaybillRuleViolation(INVALID_TRANSITION, "only a parcel the carrier holds can be returned");
        }
        requireCustodian(actor, "return");
        Custodian origin = senderAccount != null
                ? new Custodian(CustodianKind.SENDER, senderAccount.value(), null)
                : new Custodian(CustodianKind.CARRIER_DESK, carrier.code(), carrier);
        scanned(command);
        apply(new CustodyTransferred(id, custodian, origin, command.provenance()));
        apply(new ParcelReturned(id, command.provenance()));
        return Set.of();
    }

    private void scanned(RecordScan command) {
        apply(new ParcelScanned(id, command.action(), command.hub(), command.deviceTime(), command.provenance()));
    }

    /** Records the disclosure as the request's last event, so the remembered outcome carries its fields. */
    private Set<PersonalField> disclose(Set<PersonalField> fields, RecordScan command) {
        apply(new PersonalDataDisclosed(id, fields, command.action(), command.provenance()));
        return fields;
    }

    private static Custodian courier(Actor actor) {
        return Custodian.courier(actor.id(), actor.carrier());
    }

    private Optional<WaybillOutcome> earlierOutcome(Provenance provenance) {
        RequestKey request = provenance.request();
        if (request == null) {
            return Optional.empty();
        }
        ProcessedRequest earlier = processedRequests.get(scopedKey(provenance));
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.fingerprint().equals(request.fingerprint())) {
            throw new WaybillRuleViolation(DUPLICATE_REQUEST_MISMATCH,
                    "this idempotency key was already used for a different request");
        }
        return Optional.of(earlier.outcome());
    }

    private void requireNotDisposed() {
        if (status == WaybillStatus.DISPOSED) {
            throw new WaybillRuleViolation(WAYBILL_DISPOSED, "the waybill was disposed of");
        }
    }

    private void requireCustodian(Actor actor, String action) {
        if (!custodian.isHeldBy(actor)) {
            throw new WaybillRuleViolation(NOT_CUSTODIAN, "only the current custodian may " + action + " this parcel");
        }
    }

    private void requireCourierCustodian(Actor actor, String action) {
        if (custodian.kind() != CustodianKind.COURIER || !custodian.isHeldBy(actor)) {
            throw new WaybillRuleViolation(NOT_CUSTODIAN, "only the courier holding the parcel may " + action + " it");
        }
    }

    private boolean isSender(Actor actor) {
        return actor.role() == Role.CUSTOMER && actor.id().equals(senderAccount);
    }

    private boolean isRecipient(Actor actor) {
        return actor.role() == Role.CUSTOMER && actor.id().equals(recipientAccount);
    }

    private WaybillOutcome outcome() {
        return outcome(Set.of());
    }

    private WaybillOutcome outcome(Set<PersonalField> disclosed) {
        return new WaybillOutcome(id, trackingNumber, status, activeLabel, routing, disclosed);
    }

    @EventSourcingHandler
    void on(WaybillCreated event) {
        id = event.waybillId();
        trackingNumber = event.trackingNumber();
        carrier = event.carrier();
        senderAccount = event.senderAccount();
        recipientAccount = event.recipientAccount();
        routing = event.routing();
        custodian = event.custodian();
        status = WaybillStatus.CREATED;
        remember(event);
    }

    @EventSourcingHandler
    void on(LabelRevoked event) {
        activeLabel = null;
        remember(event);
    }

    @EventSourcingHandler
    void on(LabelPrinted event) {
        activeLabel = event.reference();
        printCount = event.printNumber();
        if (status == WaybillStatus.CREATED) {
            status = WaybillStatus.LABEL_PRINTED;
        }
        remember(event);
    }

    @EventSourcingHandler
    void on(CustodyTransferred event) {
        custodian = event.to();
        handedOff = true;
        departed = false;
        if (!event.to().equals(lastMileCourier)) {
            // Anyone but the last-mile courier taking the parcel puts it back in transit.
            lastMileCourier = null;
            status = WaybillStatus.IN_TRANSIT;
        }
        remember(event);
    }

    @EventSourcingHandler
    void on(ParcelScanned event) {
        if (event.action() == ScanAction.HUB_DEPARTURE) {
            departed = true;
        }
        if (event.action() == ScanAction.OUT_FOR_DELIVERY) {
            lastMileCourier = courier(event.provenance().actor());
            status = WaybillStatus.OUT_FOR_DELIVERY;
        }
        remember(event);
    }

    @EventSourcingHandler
    void on(DeliveryAttemptFailed event) {
        status = WaybillStatus.DELIVERY_FAILED;
        remember(event);
    }

    @EventSourcingHandler
    void on(ParcelReturned event) {
        status = WaybillStatus.RETURNED;
        remember(event);
    }

    @EventSourcingHandler
    void on(PersonalDataDisclosed event) {
        remember(event, event.fields());
    }

    @EventSourcingHandler
    void on(WaybillDelivered event) {
        status = WaybillStatus.DELIVERED;
        remember(event);
    }

    @EventSourcingHandler
    void on(WaybillDisposed event) {
        status = WaybillStatus.DISPOSED;
        remember(event);
    }

    /** Called after each state change, so the remembered outcome is the state the request left behind. */
    private void remember(WaybillEvent event) {
        remember(event, Set.of());
    }

    /**
     * Remembers the state the request left behind and the personal fields it disclosed. A request emits several
     * events; fields disclosed by an earlier event of the same request are kept when a later one is remembered.
     */
    private void remember(WaybillEvent event, Set<PersonalField> disclosed) {
        RequestKey request = event.provenance().request();
        if (request == null) {
            return;
        }
        String key = scopedKey(event.provenance());
        ProcessedRequest earlier = processedRequests.get(key);
        Set<PersonalField> fields = disclosed;
        if (earlier != null && earlier.fingerprint().equals(request.fingerprint())
                && !earlier.outcome().disclosed().isEmpty()) {
            EnumSet<PersonalField> union = EnumSet.copyOf(earlier.outcome().disclosed());
            union.addAll(disclosed);
            fields = union;
        }
        processedRequests.put(key, new ProcessedRequest(request.fingerprint(), outcome(fields)));
    }

    /** Keys are scoped by actor: two clients may well pick the same key. */
    private static String scopedKey(Provenance provenance) {
        return provenance.actor().id().value() + '\n' + provenance.request().idempotencyKey();
    }

    private record ProcessedRequest(String fingerprint, WaybillOutcome outcome) {
    }

    protected Waybill() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
