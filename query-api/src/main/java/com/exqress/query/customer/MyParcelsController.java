package com.exqress.query.customer;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.waybill.api.Role.CUSTOMER;

/** {@code GET /me/parcels?direction=sent|received&limit=&cursor=}: the parcels a customer sent or receives. */
@RestController
public class MyParcelsController {

    private final CustomerParcels parcels;
    private final BlockingWork blocking;

    public MyParcelsController(CustomerParcels parcels, BlockingWork blocking) {
        this.parcels = parcels;
        this.blocking = blocking;
    }

    @Operation(summary = "The parcels the customer sent or receives, newest first")
    @Access(CUSTOMER)
    @Problems(VALIDATION_FAILED)
    @GetMapping(path = "/me/parcels", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page<CustomerParcel>> parcels(Actor actor, @RequestParam(required = false) String direction,
                                              @RequestParam(required = false) String limit,
                                              @RequestParam(required = false) String cursor) {
        return blocking.call(() -> parcels.list(actor, Direction.parse(direction), PageRequest.of(limit, cursor)));
    }
}
