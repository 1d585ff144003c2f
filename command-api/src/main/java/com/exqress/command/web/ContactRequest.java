package com.exqress.command.web;

import com.exqress.waybill.api.Contact;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A sender or recipient as a client sends it. */
public record ContactRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
        @NotBlank(message = "is required")
        @Pattern(regexp = "\\+?[0-9][0-9 -]{6,18}[0-9]", message = "must be a phone number such as 010-1234-5678")
        String phone,
        @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters")
        String email,
        @NotNull(message = "is required") @Valid AddressRequest address) {

    Contact toContact() {
        return new Contact(name, phone, email, address.toAddress());
    }

    @Override
    public String toString() {
        return toContact().toString();
    }
}
