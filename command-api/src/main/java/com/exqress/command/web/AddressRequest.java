package com.exqress.command.web;

import com.exqress.waybill.api.Address;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address as a client sends it. */
public record AddressRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String line1,
        @Size(max = 200, message = "must be at most 200 characters") String line2,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String city,
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9 -]{3,10}", message = "must be 3-10 letters, digits, spaces or dashes, such as 06236")
        String postalCode,
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 two-letter country code such as KR")
        String country) {

    Address toAddress() {
        return new Address(line1, line2, city, postalCode, country);
    }

    @Override
    public String toString() {
        return toAddress().toString();
    }
}
