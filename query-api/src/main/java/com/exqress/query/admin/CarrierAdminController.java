package com.exqress.query.admin;

import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

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

    @GetMapping("/overview")
    public Mono<CarrierOverview> overview(Actor actor, @PathVariable String carrierId) {
        return blocking.call(() -> operations.overview(actor, carrierId));
    }

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
