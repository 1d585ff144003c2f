package com.exqress.command.web;

import com.exqress.waybill.api.ScanAction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** {@code POST /scans}: what the courier's scanner read and what the courier is doing. */
public record ScanRequest(
        @NotBlank(message = "is required: the text read from the label's QR code")
        @Size(max = 512, message = "must be at most 512 characters") String qr,
        @NotNull(message = "is required: PICKUP, HUB_ARRIVAL, HUB_DEPARTURE, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED or RETURNED")
        ScanAction action,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be a hub code such as SEL-01") String hub,
        @NotNull(message = "is required: the device's time as ISO-8601, e.g. 2026-11-23T09:15:00Z") Instant deviceTime) {
}
