package com.exqress.command;

import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.RequestKey;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Creates waybills exactly once per client request. The registry row and the WaybillCreated event
 * commit in one transaction (Axon joins the surrounding Spring transaction), so a request that got
 * a 201 is durable, a retry with the same idempotency key finds the first result, and a failed
 * create leaves nothing behind.
 */
@Service
public class WaybillCreation {

    private static final int TRACKING_NUMBER_ATTEMPTS = 10;

    private final WaybillRegistry registry;
    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final SecureRandom random;

    public WaybillCreation(WaybillRegistry registry, CommandGateway commandGateway, TransactionTemplate transaction,
                           SecureRandom random) {
        this.registry = registry;
        this.commandGateway = commandGateway;
        this.transaction = transaction;
        this.random = random;
    }

    /** What a create request returns, the first time and on every retry. */
    public record Created(WaybillId waybillId, TrackingNumber trackingNumber) {
    }

    /** Creates the drafted waybill with a fresh id and tracking number, unless the same request already did. */
    public Created create(WaybillDraft draft) {
        ActorId actor = draft.provenance().actor().id();
        RequestKey request = draft.provenance().request();
        return transaction.execute(status -> {
            Optional<Created> earlier = earlierResult(actor, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            for (int attempt = 0; attempt < TRACKING_NUMBER_ATTEMPTS; attempt++) {
                WaybillId waybillId = WaybillId.random();
                TrackingNumber trackingNumber = TrackingNumber.generate(draft.carrier(), random);
                if (registry.claim(waybillId, trackingNumber, actor, request, draft.provenance().at())) {
                    commandGateway.sendAndWait(draft.toCommand(waybillId, trackingNumber));
                    return new Created(waybillId, trackingNumber);
                }
                earlier = earlierResult(actor, request);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw new IllegalStateException("no free tracking number after " + TRACKING_NUMBER_ATTEMPTS + " attempts");
        });
    }

    private Optional<Created> earlierResult(ActorId actor, RequestKey request) {
        if (request == null) {
            return Optional.empty();
        }
        return registry.findByRequest(actor, request.idempotencyKey()).map(earlier -> {
            if (!earlier.fingerprint().equals(request.fingerprint())) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "DUPLICATE_REQUEST_MISMATCH",
                        "this idempotency key was already used for a different request");
            }
            return new Created(earlier.waybillId(), earlier.trackingNumber());
        });
    }
}
