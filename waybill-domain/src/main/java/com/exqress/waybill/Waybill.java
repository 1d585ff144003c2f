package com.exqress.waybill;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.CreateWaybill;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.Deliver;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.Dispose;
import com.exqress.waybill.api.HandOff;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.PrintLabel;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RequestKey;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.Routing;
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

import java.util.HashMap;
import java.util.Map;
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
        apply(new WaybillCreated(command.waybillId(), command.trackingNumber(), command.carrier(), command.service(),
                routing, command.parcel(), command.personalData(), customer ? actor.id() : null,
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

    private boolean isSender(Actor actor) {
        return actor.role() == Role.CUSTOMER && actor.id().equals(senderAccount);
    }

    private boolean isRecipient(Actor actor) {
        return actor.role() == Role.CUSTOMER && actor.id().equals(recipientAccount);
    }

    private WaybillOutcome outcome() {
        return new WaybillOutcome(id, trackingNumber, status, activeLabel, routing, Set.of());
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
        status = WaybillStatus.IN_TRANSIT;
        remember(event);
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
        RequestKey request = event.provenance().request();
        if (request != null) {
            processedRequests.put(scopedKey(event.provenance()), new ProcessedRequest(request.fingerprint(), outcome()));
        }
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
