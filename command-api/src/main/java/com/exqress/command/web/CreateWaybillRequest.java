package com.exqress.command.web;

import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.WaybillPersonalData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /waybills}: field names are part of the public API. */
public record CreateWaybillRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter carrier code such as SWP") String carrier,
        @NotNull(message = "is required: STANDARD, EXPRESS or SAME_DAY") ServiceLevel service,
        @NotNull(message = "is required") @Valid ContactRequest sender,
        @NotNull(message = "is required") @Valid ContactRequest recipient,
        @NotNull(message = "is required") @Valid ParcelRequest parcel,
        @Size(max = 500, message = "must be at most 500 characters") String note) {

    WaybillPersonalData personalData() {
        return new WaybillPersonalData(sender.toContact(), recipient.toContact(), note);
    }

    @Override
    public String toString() {
        return "CreateWaybillRequest[carrier=" + carrier + ", service=" + service + ", parcel=" + parcel + "]";
    }
}
