package com.exqress.command.web;

import com.exqress.waybill.api.Parcel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Weight and outer dimensions of the box. */
public record ParcelRequest(
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1 gram")
        @Max(value = 70_000, message = "must be at most 70000 grams") Integer weightGrams,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1 cm")
        @Max(value = 300, message = "must be at most 300 cm") Integer lengthCm,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1 cm")
        @Max(value = 300, message = "must be at most 300 cm") Integer widthCm,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1 cm")
        @Max(value = 300, message = "must be at most 300 cm") Integer heightCm) {

    Parcel toParcel() {
        return new Parcel(weightGrams, lengthCm, widthCm, heightCm);
    }
}
