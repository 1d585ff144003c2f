package com.exqress.query.admin;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.CARRIER_NOT_FOUND;
import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.PLATFORM_ADMIN;

/** {@code /admin/carriers/{carrierId}/…}: a carrier's parcels for its admins and for platform admins. */
@RestController
@RequestMapping(path = "/admin/carriers/{carrierId}", produces = MediaType.APPLICATION_JSON_VALUE)
public class CarrierAdminController {

    private final CarrierOperations operations;
    private final BlockingWork blocking;

    public CarrierAdminController(CarrierOperations operations, BlockingWork blocking) {
        this.operations = operations;
        this.blocking = blocking;
    }

    @Operation(summary = "A carrier at a glance: parcels by status, stuck parcels, failed deliveries, hub throughput")
    @Access(value = {CARRIER_ADMIN, PLATFORM_ADMIN}, rule = "admins of that carrier, and platform admins")
    @Problems(CARRIER_NOT_FOUND)
    @GetMapping("/overview")
    public Mono<CarrierOverview> overview(Actor actor, @PathVariable String carrierId) {
        return blocking.call(() -> operations.overview(actor, carrierId));
    }

    @Operation(summary = "The carrier's parcels by status, or stuck for longer than a duration, longest first")
    @Access(value = {CARRIER_ADMIN, PLATFORM_ADMIN}, rule = "admins of that carrier, and platform admins")
    @Problems({CARRIER_NOT_FOUND, VALIDATION_FAILED})
    @GetMapping("/waybills")
    public Mono<Page<AdminWaybill>> waybills(Actor actor, @PathVariable String carrierId,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String stuckFor,
                                             @RequestParam(required = false) String limit,
                                             @RequestParam(required = false) String cursor) {
        return blocking.call(() -> operations.waybills(actor, carrierId, WaybillFilter.of(status, stuckFor),
                PageRequest.of(limit, cursor)));
    }
}
