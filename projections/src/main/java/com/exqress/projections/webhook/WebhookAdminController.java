package com.exqress.projections.webhook;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.CarrierIds;
import com.exqress.platform.web.BlockingWork;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

import static com.exqress.platform.web.ProblemCode.CARRIER_NOT_FOUND;
import static com.exqress.platform.web.ProblemCode.WEBHOOK_NOT_FOUND;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.PLATFORM_ADMIN;

/**
 * A carrier's webhooks, managed by the carrier's admins. Platform admins may list every carrier's webhooks, to
 * help when deliveries fail, but neither register one nor ever see a secret; the secret is shown once, in the
 * answer to the registration.
 */
@RestController
@RequestMapping(path = "/carriers/{carrierId}/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookAdminController {

    private final WebhookRegistry registry;
    private final CarrierDirectory carriers;
    private final BlockingWork blocking;

    public WebhookAdminController(WebhookRegistry registry, CarrierDirectory carriers, BlockingWork blocking) {
        this.registry = registry;
        this.carriers = carriers;
        this.blocking = blocking;
    }

    @Operation(summary = "Register a webhook; the answer shows its secret, once")
    @Access(value = CARRIER_ADMIN, rule = "an admin of that carrier")
    @Problems(CARRIER_NOT_FOUND)
    @ApiResponse(responseCode = "201", description = "the webhook was registered")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<NewWebhook>> register(Actor actor, @PathVariable String carrierId,
                                                     @RequestBody WebhookRequest request) {
        CarrierId carrier = managedBy(actor, carrierId);
        return blocking.call(() -> registry.register(carrier, request.url()))
                .onErrorMap(InvalidWebhookUrlException.class, invalid -> ApiProblem.invalidField("url", invalid.getMessage()))
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(created));
    }

    @Operation(summary = "The carrier's webhooks, without their secrets")
    @Access(value = {CARRIER_ADMIN, PLATFORM_ADMIN}, rule = "admins of that carrier, and platform admins")
    @Problems(CARRIER_NOT_FOUND)
    @GetMapping
    public Mono<WebhookList> list(Actor actor, @PathVariable String carrierId) {
        CarrierId carrier = CarrierIds.known(carriers, carrierId);
        if (!actor.isCarrierAdminOf(carrier) && actor.role() != Role.PLATFORM_ADMIN) {
            throw ApiProblem.forbidden("only an admin of carrier " + carrier + " or a platform admin may list its webhooks");
        }
        return blocking.call(() -> new WebhookList(carrier.code(), registry.list(carrier)));
    }

    @Operation(summary = "Enable a webhook again after its deliveries failed")
    @Access(value = CARRIER_ADMIN, rule = "an admin of that carrier")
    @Problems({CARRIER_NOT_FOUND, WEBHOOK_NOT_FOUND})
    @PostMapping("/{webhookId}/enable")
    public Mono<Webhook> enable(Actor actor, @PathVariable String carrierId, @PathVariable String webhookId) {
        CarrierId carrier = managedBy(actor, carrierId);
        UUID id = webhookIdOf(webhookId);
        return blocking.call(() -> registry.enable(carrier, id).orElseThrow(WebhookAdminController::webhookNotFound));
    }

    @Operation(summary = "Delete a webhook")
    @Access(value = CARRIER_ADMIN, rule = "an admin of that carrier")
    @Problems({CARRIER_NOT_FOUND, WEBHOOK_NOT_FOUND})
    @ApiResponse(responseCode = "204", description = "the webhook was deleted")
    @DeleteMapping("/{webhookId}")
    public Mono<ResponseEntity<Void>> delete(Actor actor, @PathVariable String carrierId, @PathVariable String webhookId) {
        CarrierId carrier = managedBy(actor, carrierId);
        UUID id = webhookIdOf(webhookId);
        return blocking.call(() -> {
            if (!registry.delete(carrier, id)) {
                throw webhookNotFound();
            }
            return ResponseEntity.noContent().build();
        });
    }

    private CarrierId managedBy(Actor actor, String carrierId) {
        CarrierId carrier = CarrierIds.known(carriers, carrierId);
        if (!actor.isCarrierAdminOf(carrier)) {
            throw ApiProblem.forbidden("only an admin of carrier " + carrier + " may manage its webhooks");
        }
        return carrier;
    }


    /** A malformed id names no webhook, so it gets the same answer as an unknown one. */
    private static UUID webhookIdOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw webhookNotFound();
        }
    }

    private static ApiProblem webhookNotFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "WEBHOOK_NOT_FOUND", "the carrier has no webhook with that id");
    }
}
