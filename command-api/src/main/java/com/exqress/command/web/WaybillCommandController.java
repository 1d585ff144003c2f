package com.exqress.command.web;

import com.exqress.command.ConflictRetryingSender;
import com.exqress.command.WaybillCreation;
import com.exqress.command.WaybillDraft;
import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.platform.identity.AccountDirectory;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.platform.web.WaybillIds;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.Deliver;
import com.exqress.waybill.api.Dispose;
import com.exqress.waybill.api.HandOff;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.PrintLabel;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;

import static com.exqress.command.web.RequestProvenance.IDEMPOTENCY_KEY;
import static com.exqress.platform.web.ProblemCode.CARRIER_NOT_PARTNER;
import static com.exqress.platform.web.ProblemCode.CONCURRENT_MODIFICATION;
import static com.exqress.platform.web.ProblemCode.DISPOSAL_REASON_REQUIRED;
import static com.exqress.platform.web.ProblemCode.DUPLICATE_REQUEST_MISMATCH;
import static com.exqress.platform.web.ProblemCode.INVALID_IDEMPOTENCY_KEY;
import static com.exqress.platform.web.ProblemCode.INVALID_TRANSITION;
import static com.exqress.platform.web.ProblemCode.NOT_CUSTODIAN;
import static com.exqress.platform.web.ProblemCode.NOT_PERMITTED;
import static com.exqress.platform.web.ProblemCode.STORED_EVENT_UNREADABLE;
import static com.exqress.platform.web.ProblemCode.UNKNOWN_CARRIER;
import static com.exqress.platform.web.ProblemCode.UNROUTABLE_DESTINATION;
import static com.exqress.platform.web.ProblemCode.WAYBILL_DISPOSED;
import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_FOUND;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.COURIER;
import static com.exqress.waybill.api.Role.CUSTOMER;

/**
 * The waybill lifecycle over HTTP. Each endpoint resolves names into domain values (a courier's
 * carrier, a hub's carrier, the recipient's account) and sends a command; the aggregate decides.
 */
@RestController
@RequestMapping(path = "/waybills", produces = MediaType.APPLICATION_JSON_VALUE)
public class WaybillCommandController {

    private final WaybillCreation creation;
    private final ConflictRetryingSender sender;
    private final RequestProvenance provenance;
    private final CarrierDirectory carriers;
    private final AccountDirectory accounts;
    private final BlockingWork blocking;
    private final SecureRandom random;

    public WaybillCommandController(WaybillCreation creation, ConflictRetryingSender sender,
                                    RequestProvenance provenance, CarrierDirectory carriers,
                                    AccountDirectory accounts, BlockingWork blocking, SecureRandom random) {
        this.creation = creation;
        this.sender = sender;
        this.provenance = provenance;
        this.carriers = carriers;
        this.accounts = accounts;
        this.blocking = blocking;
        this.random = random;
    }

    @Operation(summary = "Create a waybill")
    @Access(value = {CUSTOMER, CARRIER_ADMIN},
            rule = "a customer, who becomes its sender, or an admin of the waybill's carrier")
    @Problems({UNKNOWN_CARRIER, UNROUTABLE_DESTINATION, NOT_PERMITTED, INVALID_IDEMPOTENCY_KEY,
            DUPLICATE_REQUEST_MISMATCH})
    @ApiResponse(responseCode = "201", description = "the waybill was created")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<WaybillCreatedResponse>> create(
            Actor actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody CreateWaybillRequest request) {
        return blocking.call(() -> {
            CarrierId carrier = new CarrierId(request.carrier());
            if (!carriers.isKnown(carrier)) {
                throw ApiProblem.invalidField("carrier", "is not a carrier on this platform");
            }
            Provenance origin = provenance.of(actor, idempotencyKey, null, "create", request);
            WaybillDraft draft = new WaybillDraft(carrier, request.service(), request.personalData(),
                    request.parcel().toParcel(),
                    accounts.findCustomerByVerifiedPhone(request.recipient().phone()).orElse(null), origin);
            WaybillCreation.Created created = creation.create(draft);
            return ResponseEntity.status(HttpStatus.CREATED).body(
                    new WaybillCreatedResponse(created.waybillId().toString(), created.trackingNumber().value()));
        });
    }

    @Operation(summary = "Print the waybill's label, or reprint it (which revokes the previous one)")
    @Access(value = {CUSTOMER, CARRIER_ADMIN},
            rule = "the sender while the parcel is still with them, or an admin of the waybill's carrier")
    @Problems({WAYBILL_NOT_FOUND, NOT_PERMITTED, INVALID_TRANSITION, WAYBILL_DISPOSED, INVALID_IDEMPOTENCY_KEY,
            DUPLICATE_REQUEST_MISMATCH, CONCURRENT_MODIFICATION, STORED_EVENT_UNREADABLE})
    @PostMapping("/{id}/labels")
    public Mono<WaybillStateResponse> print(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) PrintLabelRequest request) {
        return blocking.call(() -> {
            WaybillId waybillId = WaybillIds.parse(id);
            String location = request == null ? null : request.location();
            PrintLabel command = new PrintLabel(waybillId, LabelReference.mint(random),
                    provenance.of(actor, idempotencyKey, location, "print " + waybillId, request));
            return WaybillStateResponse.withLabel(sender.send(command));
        });
    }

    @Operation(summary = "Hand the parcel to a courier or a hub")
    @Access(value = {CUSTOMER, COURIER, CARRIER_ADMIN},
            rule = "the current custodian: the sender, the courier holding the parcel, a courier posted at the hub "
                    + "holding it, or an admin of the carrier whose desk holds it")
    @Problems({WAYBILL_NOT_FOUND, NOT_CUSTODIAN, INVALID_TRANSITION, WAYBILL_DISPOSED, CARRIER_NOT_PARTNER,
            INVALID_IDEMPOTENCY_KEY, DUPLICATE_REQUEST_MISMATCH, CONCURRENT_MODIFICATION, STORED_EVENT_UNREADABLE})
    @PostMapping(path = "/{id}/handoffs", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WaybillStateResponse> handOff(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody HandOffRequest request) {
        return blocking.call(() -> {
            WaybillId waybillId = WaybillIds.parse(id);
            HandOff command = new HandOff(waybillId, receivingParty(request),
                    provenance.of(actor, idempotencyKey, request.location(), "handoff " + waybillId, request));
            return WaybillStateResponse.of(sender.<WaybillOutcome>send(command));
        });
    }

    @Operation(summary = "Record the delivery of the parcel")
    @Access(value = COURIER, rule = "the courier holding the parcel, or a courier posted at the hub holding it")
    @Problems({WAYBILL_NOT_FOUND, NOT_CUSTODIAN, INVALID_TRANSITION, WAYBILL_DISPOSED, INVALID_IDEMPOTENCY_KEY,
            DUPLICATE_REQUEST_MISMATCH, CONCURRENT_MODIFICATION, STORED_EVENT_UNREADABLE})
    @PostMapping(path = "/{id}/delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WaybillStateResponse> deliver(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody DeliveryRequest request) {
        return blocking.call(() -> {
            WaybillId waybillId = WaybillIds.parse(id);
            Deliver command = new Deliver(waybillId, request.method(), request.proof(), request.personalData(),
                    provenance.of(actor, idempotencyKey, request.location(), "deliver " + waybillId, request));
            return WaybillStateResponse.of(sender.<WaybillOutcome>send(command));
        });
    }

    @Operation(summary = "Dispose of the waybill: revoke its label and destroy its personal data")
    @Access(value = {CUSTOMER, CARRIER_ADMIN},
            rule = "the recipient after delivery, or an admin of the waybill's carrier with a reason")
    @Problems({WAYBILL_NOT_FOUND, NOT_PERMITTED, INVALID_TRANSITION, WAYBILL_DISPOSED, DISPOSAL_REASON_REQUIRED,
            INVALID_IDEMPOTENCY_KEY, DUPLICATE_REQUEST_MISMATCH, CONCURRENT_MODIFICATION, STORED_EVENT_UNREADABLE})
    @PostMapping("/{id}/disposal")
    public Mono<WaybillStateResponse> dispose(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) DisposalRequest request) {
        return blocking.call(() -> {
            WaybillId waybillId = WaybillIds.parse(id);
            Dispose command = new Dispose(waybillId, request == null ? null : request.reason(),
                    provenance.of(actor, idempotencyKey, null, "dispose " + waybillId, request));
            return WaybillStateResponse.of(sender.<WaybillOutcome>send(command));
        });
    }

    private Custodian receivingParty(HandOffRequest request) {
        if (request.toHub() != null) {
            CarrierId carrier = carriers.carrierOfHub(request.toHub())
                    .orElseThrow(() -> ApiProblem.invalidField("toHub", "is not a hub on this platform"));
            return Custodian.hub(new LocationCode(request.toHub()), carrier);
        }
        Actor courier = accounts.findActor(request.toCourier())
                .filter(candidate -> candidate.role() == Role.COURIER)
                .orElseThrow(() -> ApiProblem.invalidField("toCourier", "is not a courier on this platform"));
        return Custodian.courier(courier.id(), courier.carrier());
    }
}
