package com.exqress.query.audit;

import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
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

    @PostMapping(path = "/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Checkpoint> create(Actor actor) {
        return forAuditors(actor, () -> checkpoints.create().orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
                "NO_NEW_EVENTS", "no events were recorded since the last checkpoint")));
    }

    @GetMapping(path = "/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page<Checkpoint>> list(Actor actor, @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String cursor) {
        return forAuditors(actor, () -> checkpoints.page(PageRequest.of(limit, cursor)));
    }

    @GetMapping(path = "/audit/checkpoints/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Checkpoint> checkpoint(Actor actor, @PathVariable long id) {
        return forAuditors(actor, () -> checkpoints.find(id));
    }

    @GetMapping(path = "/audit/checkpoints/{id}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<InclusionProof> proof(Actor actor, @PathVariable long id, @RequestParam String eventId) {
        return forAuditors(actor, () -> checkpoints.proof(id, eventId));
    }

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
