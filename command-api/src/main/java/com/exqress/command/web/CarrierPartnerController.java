package com.exqress.command.web;

import com.exqress.command.ConflictRetryingSender;
import com.exqress.command.carrier.CarrierPartnerIndex;
import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.CarrierIds;
import com.exqress.platform.web.BlockingWork;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.CarrierPartners;
import com.exqress.waybill.api.DeclarePartner;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.WithdrawPartner;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.CARRIER_NOT_FOUND;
import static com.exqress.platform.web.ProblemCode.CONCURRENT_MODIFICATION;
import static com.exqress.platform.web.ProblemCode.INVALID_PARTNER;
import static com.exqress.platform.web.ProblemCode.NOT_PERMITTED;
import static com.exqress.platform.web.ProblemCode.PARTNER_NOT_DECLARED;
import static com.exqress.platform.web.ProblemCode.UNKNOWN_CARRIER;
import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.PLATFORM_ADMIN;

/**
 * A carrier's declared partners: the carriers whose couriers may take custody of its parcels and scan
 * their labels. PUT declares and DELETE withdraws one partner; both are idempotent by state, so a retry
 * records nothing new. The aggregate decides who may change them.
 */
@RestController
@RequestMapping(path = "/carriers/{carrierId}/partners", produces = MediaType.APPLICATION_JSON_VALUE)
public class CarrierPartnerController {

    private final ConflictRetryingSender sender;
    private final RequestProvenance provenance;
    private final CarrierDirectory carriers;
    private final CarrierPartnerIndex partners;
    private final BlockingWork blocking;

    public CarrierPartnerController(ConflictRetryingSender sender, RequestProvenance provenance,
                                    CarrierDirectory carriers, CarrierPartnerIndex partners, BlockingWork blocking) {
        this.sender = sender;
        this.provenance = provenance;
        this.carriers = carriers;
        this.partners = partners;
        this.blocking = blocking;
    }

    /** For the carrier's admins and platform admins, who see every carrier's operational set-up. */
    @Operation(summary = "The carrier's declared partners")
    @Access(value = {CARRIER_ADMIN, PLATFORM_ADMIN}, rule = "admins of that carrier, and platform admins")
    @Problems(CARRIER_NOT_FOUND)
    @GetMapping
    public Mono<CarrierPartnersResponse> partners(Actor actor, @PathVariable String carrierId) {
        return blocking.call(() -> {
            CarrierId carrier = CarrierIds.known(carriers, carrierId);
            if (!actor.isCarrierAdminOf(carrier) && actor.role() != Role.PLATFORM_ADMIN) {
                throw ApiProblem.forbidden("only an admin of carrier " + carrier + " or a platform admin may see its partners");
            }
            return CarrierPartnersResponse.of(carrier, partners.partnersOf(carrier));
        });
    }

    @Operation(summary = "Declare a partner, whose couriers may then carry and scan the carrier's parcels")
    @Access(value = CARRIER_ADMIN, rule = "an admin of that carrier")
    @Problems({CARRIER_NOT_FOUND, VALIDATION_FAILED, NOT_PERMITTED, INVALID_PARTNER, UNKNOWN_CARRIER,
            CONCURRENT_MODIFICATION})
    @PutMapping("/{partnerId}")
    public Mono<CarrierPartnersResponse> declare(Actor actor, @PathVariable String carrierId,
                                                 @PathVariable String partnerId) {
        return blocking.call(() -> {
            CarrierId carrier = CarrierIds.known(carriers, carrierId);
            DeclarePartner command = new DeclarePartner(carrier, partnerCode(partnerId),
                    provenance.of(actor, null, null, "declare partner " + partnerId + " of " + carrier, null));
            return response(sender.send(command));
        });
    }

    @Operation(summary = "Withdraw a declared partner")
    @Access(value = CARRIER_ADMIN, rule = "an admin of that carrier")
    @Problems({CARRIER_NOT_FOUND, VALIDATION_FAILED, NOT_PERMITTED, PARTNER_NOT_DECLARED, CONCURRENT_MODIFICATION})
    @DeleteMapping("/{partnerId}")
    public Mono<CarrierPartnersResponse> withdraw(Actor actor, @PathVariable String carrierId,
                                                  @PathVariable String partnerId) {
        return blocking.call(() -> {
            CarrierId carrier = CarrierIds.known(carriers, carrierId);
            WithdrawPartner command = new WithdrawPartner(carrier, partnerCode(partnerId),
                    provenance.of(actor, null, null, "withdraw partner " + partnerId + " of " + carrier, null));
            return response(sender.send(command));
        });
    }


    /** Whether the partner is on the platform is the aggregate's rule; here only its shape is checked. */
    private static CarrierId partnerCode(String code) {
        if (!CarrierId.isWellFormed(code)) {
            throw ApiProblem.invalidField("partnerId", "must be a carrier code of three upper-case letters");
        }
        return new CarrierId(code);
    }

    private static CarrierPartnersResponse response(CarrierPartners partners) {
        return CarrierPartnersResponse.of(partners.carrier(), partners.partners());
    }
}
