package com.exqress.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /labels/verifications}: the text a scanner read from a label's QR code. */
public record LabelVerificationRequest(
        @NotBlank(message = "is required: the text read from the label's QR code")
        @Size(max = 512, message = "must be at most 512 characters") String qrText) {
}
