package com.exqress.command.web;

import com.exqress.command.label.LabelKeyRotation;
import com.exqress.command.label.LabelKeyRotation.LabelKey;
import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.platform.web.CarrierIds;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.RequestKey;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.regex.Pattern;

import static com.exqress.command.web.RequestProvenance.IDEMPOTENCY_KEY;
import static com.exqress.platform.web.ProblemCode.CARRIER_NOT_FOUND;
import static com.exqress.platform.web.ProblemCode.INVALID_IDEMPOTENCY_KEY;
import static com.exqress.platform.web.ProblemCode.LABEL_KEY_ACTIVE;
import static com.exqress.platform.web.ProblemCode.LABEL_KEY_NOT_FOUND;
import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.PLATFORM_ADMIN;

/**
 * A carrier's label signing keys, for its admins: which key signs new labels, which still verify earlier ones, and
 * rotating and retiring them. Private parts never leave the service.
 */
@RestController
@RequestMapping(path = "/carriers/{carrierId}/label-keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class LabelKeyController {

    private static final Pattern KEY_ID = Pattern.compile("[0-9A-Z]{1,8}");

    private final LabelKeyRotation rotation;
    private final RequestProvenance provenance;
    private final CarrierDirectory carriers;
    private final BlockingWork blocking;

    public LabelKeyController(LabelKeyRotation rotation, RequestProvenance provenance, CarrierDirectory carriers,
                              BlockingWork blocking) {
        this.rotation = rotation;
        this.provenance = provenance;
        this.carriers = carriers;
        this.blocking = blocking;
    }

    @Operation(summary = "The carrier's label signing keys: the active one, those that still verify, the retired ones")
    @Access(value = {CARRIER_ADMIN, PLATFORM_ADMIN}, rule = "admins of that carrier, and platform admins")
    @Problems(CARRIER_NOT_FOUND)
    @GetMapping
    public Mono<LabelKeysResponse> keys(Actor actor, @PathVariable String carrierId) {
        return blocking.call(() -> {
            CarrierId carrier = CarrierIds.known(carriers, carrierId);
            return new LabelKeysResponse(carrier.code(), rotation.keysOf(actor, carrier));
        });
    }

    @Operation(summary = "Rotate: a new key signs the carrier's new labels; labels printed before still verify")
    @Access(value = CARRIER_ADMIN, rule = "an admin of that carrier")
    @Problems({CARRIER_NOT_FOUND, INVALID_IDEMPOTENCY_KEY})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<LabelKey> rotate(Actor actor, @PathVariable String carrierId,
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return blocking.call(() -> {
            CarrierId carrier = CarrierIds.known(carriers, carrierId);
            RequestKey request = provenance.of(actor, idempotencyKey, null, "rotate label key of " + carrier, null).request();
            return rotation.rotate(actor, carrier, request == null ? null : request.idempotencyKey());
        });
    }

    @Operation(summary = "Retire a key: labels signed with it no longer verify and need a new print")
    @Access(value = CARRIER_ADMIN, rule = "an admin of that carrier")
    @Problems({CARRIER_NOT_FOUND, VALIDATION_FAILED, LABEL_KEY_NOT_FOUND, LABEL_KEY_ACTIVE})
    @PostMapping("/{keyId}/retirement")
    public Mono<LabelKey> retire(Actor actor, @PathVariable String carrierId, @PathVariable String keyId) {
        return blocking.call(() -> {
            CarrierId carrier = CarrierIds.known(carriers, carrierId);
            if (!KEY_ID.matcher(keyId).matches()) {
                throw ApiProblem.invalidField("keyId", "must be a label key id of 1-8 upper-case letters or digits");
            }
            return rotation.retire(actor, carrier, keyId);
        });
    }

    public record LabelKeysResponse(String carrierId, List<LabelKey> keys) {
    }
}
