package com.exqress.command.web;

import com.exqress.command.label.CurrentLabel;
import com.exqress.command.label.LabelProblems;
import com.exqress.command.label.RenderedLabel;
import com.exqress.command.label.WaybillLabelFacts;
import com.exqress.command.scan.LabelVerifications;
import com.exqress.label.LabelFormat;
import com.exqress.label.LabelRejectedException;
import com.exqress.label.LabelQrCodec;
import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.platform.web.WaybillIds;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.WaybillId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static com.exqress.platform.web.ProblemCode.LABEL_DISPOSED;
import static com.exqress.platform.web.ProblemCode.LABEL_FORGED;
import static com.exqress.platform.web.ProblemCode.LABEL_MALFORMED;
import static com.exqress.platform.web.ProblemCode.LABEL_REVOKED;
import static com.exqress.platform.web.ProblemCode.LABEL_UNKNOWN;
import static com.exqress.platform.web.ProblemCode.RATE_LIMITED;
import static com.exqress.platform.web.ProblemCode.VALIDATION_FAILED;
import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_FOUND;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.COURIER;
import static com.exqress.waybill.api.Role.CUSTOMER;

/** The printed label: render the current one, publish the keys that verify it, resolve a scanned one. */
@RestController
public class LabelController {

    private final CurrentLabel currentLabel;
    private final LabelVerifications verifications;
    private final LabelQrCodec codec;
    private final BlockingWork blocking;

    public LabelController(CurrentLabel currentLabel, LabelVerifications verifications, LabelQrCodec codec,
                           BlockingWork blocking) {
        this.currentLabel = currentLabel;
        this.verifications = verifications;
        this.codec = codec;
        this.blocking = blocking;
    }

    @Operation(summary = "The waybill's current label as PNG, SVG, PDF or ZPL")
    @Access(value = {CUSTOMER, COURIER, CARRIER_ADMIN},
            rule = "the sender, and couriers and admins of the waybill's carrier; anyone else is told "
                    + "WAYBILL_NOT_FOUND")
    @Problems({WAYBILL_NOT_FOUND, LABEL_UNKNOWN, LABEL_DISPOSED, VALIDATION_FAILED})
    @GetMapping("/waybills/{id}/labels/current")
    public Mono<ResponseEntity<byte[]>> current(Actor actor, @PathVariable String id,
                                                @RequestParam(defaultValue = "png") String format) {
        LabelFormat labelFormat = formatOf(format);
        WaybillId waybillId = WaybillIds.parse(id);
        return blocking.call(() -> currentLabel.render(waybillId, actor, labelFormat))
                .onErrorMap(LabelRejectedException.class, LabelProblems::toProblem)
                .map(LabelController::asResponse);
    }

    /**
     * Public: every carrier's keys that still verify labels, so scanners verify offline (docs/qr-format.md);
     * the key that verifies a label tells which carrier signed it.
     */
    @Operation(summary = "Every carrier's public keys that verify labels offline")
    @Access(anonymous = true)
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> publicKeys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(codec.keys().publicKeys().toJSONObject());
    }

    @Operation(summary = "Verify a scanned QR text and resolve it to its waybill")
    @Access(value = {COURIER, CARRIER_ADMIN},
            rule = "couriers and admins of the waybill's carrier or of a declared partner; anyone else is told "
                    + "LABEL_UNKNOWN")
    @Problems({LABEL_MALFORMED, LABEL_FORGED, LABEL_UNKNOWN, LABEL_REVOKED, LABEL_DISPOSED, RATE_LIMITED})
    @PostMapping(path = "/labels/verifications", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<LabelVerificationResponse> verify(Actor actor, @Valid @RequestBody LabelVerificationRequest request) {
        return blocking.call(() -> verifications.verify(actor, request.qrText()))
                .onErrorMap(LabelRejectedException.class, LabelProblems::toProblem)
                .map(LabelController::asVerification);
    }

    private static LabelVerificationResponse asVerification(WaybillLabelFacts facts) {
        return new LabelVerificationResponse(facts.waybillId().toString(), facts.trackingNumber().value(),
                facts.carrier().code());
    }

    private static ResponseEntity<byte[]> asResponse(RenderedLabel label) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(label.format().mediaType()))
                .header("Content-Disposition", ContentDisposition.inline().filename(label.fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(label.content());
    }

    private static LabelFormat formatOf(String format) {
        try {
            return LabelFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("format", "must be one of png, svg, pdf, zpl");
        }
    }
}
