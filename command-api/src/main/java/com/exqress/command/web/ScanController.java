package com.exqress.command.web;

import com.exqress.command.label.LabelProblems;
import com.exqress.command.scan.CourierScans;
import com.exqress.label.LabelRejectedException;
import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Provenance;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

import static com.exqress.command.web.RequestProvenance.IDEMPOTENCY_KEY;
import static com.exqress.platform.web.ProblemCode.CARRIER_NOT_PARTNER;
import static com.exqress.platform.web.ProblemCode.CONCURRENT_MODIFICATION;
import static com.exqress.platform.web.ProblemCode.DUPLICATE_REQUEST_MISMATCH;
import static com.exqress.platform.web.ProblemCode.INVALID_IDEMPOTENCY_KEY;
import static com.exqress.platform.web.ProblemCode.INVALID_TRANSITION;
import static com.exqress.platform.web.ProblemCode.LABEL_DISPOSED;
import static com.exqress.platform.web.ProblemCode.LABEL_FORGED;
import static com.exqress.platform.web.ProblemCode.LABEL_MALFORMED;
import static com.exqress.platform.web.ProblemCode.LABEL_REVOKED;
import static com.exqress.platform.web.ProblemCode.LABEL_UNKNOWN;
import static com.exqress.platform.web.ProblemCode.NOT_CUSTODIAN;
import static com.exqress.platform.web.ProblemCode.NOT_PERMITTED;
import static com.exqress.platform.web.ProblemCode.RATE_LIMITED;
import static com.exqress.platform.web.ProblemCode.STORED_EVENT_UNREADABLE;
import static com.exqress.platform.web.ProblemCode.WAYBILL_DISPOSED;
import static com.exqress.waybill.api.Role.COURIER;

/** {@code POST /scans}: the endpoint couriers use all day. */
@RestController
public class ScanController {

    static final String DEVICE_ID = "X-Device-Id";
    private static final Pattern DEVICE_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final CourierScans scans;
    private final RequestProvenance provenance;
    private final BlockingWork blocking;

    public ScanController(CourierScans scans, RequestProvenance provenance, BlockingWork blocking) {
        this.scans = scans;
        this.provenance = provenance;
        this.blocking = blocking;
    }

    @Operation(summary = "Scan a parcel's label at a custody step; the answer shows the personal data that step needs")
    @Access(value = COURIER,
            rule = "a courier of the waybill's carrier or of a declared partner; the step decides which courier "
                    + "(the one holding the parcel, or one posted at the hub concerned)")
    @Problems({LABEL_MALFORMED, LABEL_FORGED, LABEL_UNKNOWN, LABEL_REVOKED, LABEL_DISPOSED, NOT_PERMITTED,
            NOT_CUSTODIAN, CARRIER_NOT_PARTNER, INVALID_TRANSITION, WAYBILL_DISPOSED, RATE_LIMITED,
            INVALID_IDEMPOTENCY_KEY, DUPLICATE_REQUEST_MISMATCH, CONCURRENT_MODIFICATION, STORED_EVENT_UNREADABLE})
    @PostMapping(path = "/scans", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<ScanResponse>> scan(
            Actor actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = DEVICE_ID, required = false) String device,
            @Valid @RequestBody ScanRequest request,
            ServerWebExchange exchange) {
        ScanMetrics.tagAction(exchange, request.action());
        if (device != null && !DEVICE_FORMAT.matcher(device).matches()) {
            throw ApiProblem.invalidField(DEVICE_ID, "must be 1-64 letters, digits or . _ : -");
        }
        Provenance origin = provenance.of(actor, idempotencyKey, request.hub(), "scan " + request.qr(), request);
        LocationCode hub = request.hub() == null ? null : new LocationCode(request.hub());
        return blocking.call(() -> scans.scan(actor, device, request.qr(), request.action(), hub, request.deviceTime(), origin))
                .onErrorMap(LabelRejectedException.class, LabelProblems::toProblem)
                // Personal data in the answer must not linger in caches.
                .map(scanned -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ScanResponse.of(scanned)));
    }
}
