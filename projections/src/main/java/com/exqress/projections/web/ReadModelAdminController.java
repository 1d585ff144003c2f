package com.exqress.projections.web;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.projections.readmodel.ParcelRebuilds;
import com.exqress.projections.readmodel.RebuildProgress;
import com.exqress.projections.readmodel.RebuildRefusedException;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.REBUILD_REFUSED;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.PLATFORM_ADMIN;

/**
 * The parcel read model's rebuild: platform admins start one, since it replays every carrier's events;
 * carrier and platform admins watch its progress. The old copy keeps serving until the new one caught up.
 */
@RestController
@RequestMapping(path = "/admin/projections/parcels", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReadModelAdminController {

    private final ParcelRebuilds rebuilds;
    private final BlockingWork blocking;

    public ReadModelAdminController(ParcelRebuilds rebuilds, BlockingWork blocking) {
        this.rebuilds = rebuilds;
        this.blocking = blocking;
    }

    @Operation(summary = "The progress of the parcel read model's rebuild")
    @Access({CARRIER_ADMIN, PLATFORM_ADMIN})
    @GetMapping
    public Mono<RebuildProgress> progress(Actor actor) {
        if (actor.role() != Role.PLATFORM_ADMIN && actor.role() != Role.CARRIER_ADMIN) {
            return Mono.error(ApiProblem.forbidden("only admins may watch read-model rebuilds"));
        }
        return blocking.call(rebuilds::progress);
    }

    @Operation(summary =
            "Rebuild the parcel read model from the event store; the old copy serves until the new one caught up")
    @Access(PLATFORM_ADMIN)
    @Problems(REBUILD_REFUSED)
    @ApiResponse(responseCode = "202", description = "the rebuild started")
    @PostMapping("/rebuild")
    public Mono<ResponseEntity<RebuildProgress>> rebuild(Actor actor) {
        if (actor.role() != Role.PLATFORM_ADMIN) {
            return Mono.error(ApiProblem.forbidden("only platform admins may rebuild a read model"));
        }
        return blocking.call(() -> {
            try {
                return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.rebuild());
            } catch (RebuildRefusedException refused) {
                throw new ApiProblem(HttpStatus.CONFLICT, "REBUILD_REFUSED", refused.getMessage());
            }
        });
    }
}
