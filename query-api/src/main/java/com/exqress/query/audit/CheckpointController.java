package com.exqress.query.audit;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.Callable;

import static com.exqress.platform.web.ProblemCode.CHECKPOINT_NOT_FOUND;
import static com.exqress.platform.web.ProblemCode.EVENT_NOT_IN_CHECKPOINT;
import static com.exqress.platform.web.ProblemCode.NO_NEW_EVENTS;
import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.waybill.api.Role.AUDITOR;
import static com.exqress.waybill.api.Role.PLATFORM_ADMIN;

/**
 * {@code /audit/checkpoints}: signed Merkle checkpoints over the event store and inclusion proofs, for auditors
 * and platform admins (they span every carrier's events). The signing key's JWKS is public: it proves nothing
 * by itself and an auditor must be able to fetch it from anywhere.
 */
@RestController
public class CheckpointController {

    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final BlockingWork blocking;

    public CheckpointController(Checkpoints checkpoints, CheckpointSigner signer, BlockingWork blocking) {
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.blocking = blocking;
    }

    @Operation(summary = "Sign a checkpoint over the events recorded since the last one")
    @Access({AUDITOR, PLATFORM_ADMIN})
    @Problems(NO_NEW_EVENTS)
    @PostMapping(path = "/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Checkpoint> create(Actor actor) {
        return forAuditors(actor, () -> checkpoints.create().orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
                "NO_NEW_EVENTS", "no events were recorded since the last checkpoint")));
    }

    @Operation(summary = "Signed checkpoints, newest first")
    @Access({AUDITOR, PLATFORM_ADMIN})
    @Problems(VALIDATION_FAILED)
    @GetMapping(path = "/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page<Checkpoint>> list(Actor actor, @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String cursor) {
        return forAuditors(actor, () -> checkpoints.page(PageRequest.of(limit, cursor)));
    }

    @Operation(summary = "One signed checkpoint")
    @Access({AUDITOR, PLATFORM_ADMIN})
    @Problems(CHECKPOINT_NOT_FOUND)
    @GetMapping(path = "/audit/checkpoints/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Checkpoint> checkpoint(Actor actor, @PathVariable long id) {
        return forAuditors(actor, () -> checkpoints.find(id));
    }

    @Operation(summary = "An event's audit path to the checkpoint's signed root")
    @Access({AUDITOR, PLATFORM_ADMIN})
    @Problems({CHECKPOINT_NOT_FOUND, EVENT_NOT_IN_CHECKPOINT})
    @GetMapping(path = "/audit/checkpoints/{id}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<InclusionProof> proof(Actor actor, @PathVariable long id, @RequestParam String eventId) {
        return forAuditors(actor, () -> checkpoints.proof(id, eventId));
    }

    @Operation(summary = "The public key that verifies checkpoint signatures")
    @Access(anonymous = true)
    @GetMapping(path = "/audit/checkpoints/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> publicKeys() {
        return signer.publicKeys().toJSONObject();
    }

    private <T> Mono<T> forAuditors(Actor actor, Callable<T> work) {
        if (actor.role() != Role.AUDITOR && actor.role() != Role.PLATFORM_ADMIN) {
            return Mono.error(ApiProblem.forbidden("only auditors and platform admins may read checkpoints"));
        }
        return blocking.call(work);
    }
}
