package com.exqress.query.courier;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.waybill.api.Role.COURIER;

/** {@code GET /courier/parcels?list=&limit=&cursor=}: the courier's parcels to carry, grouped by route. */
@RestController
public class CourierParcelsController {

    private final CourierParcels parcels;
    private final BlockingWork blocking;

    public CourierParcelsController(CourierParcels parcels, BlockingWork blocking) {
        this.parcels = parcels;
        this.blocking = blocking;
    }

    @Operation(summary = "The courier's parcels: held, to pick up and to deliver, by route")
    @Access(COURIER)
    @Problems(VALIDATION_FAILED)
    @GetMapping(path = "/courier/parcels", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CourierWork> parcels(Actor actor, @RequestParam(required = false) String list,
                                     @RequestParam(required = false) String limit,
                                     @RequestParam(required = false) String cursor) {
        return blocking.call(() -> parcels.work(actor, list == null ? null : CourierList.parse(list),
                PageRequest.of(limit, cursor)));
    }
}
