package com.exqress.command.web;

import com.exqress.waybill.api.DeliveryMethod;
import com.exqress.waybill.api.DeliveryPersonalData;
import com.exqress.waybill.api.DeliveryProof;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /waybills/{id}/delivery}: how the parcel was delivered and the evidence for it. */
public record DeliveryRequest(
        @NotNull(message = "is required: TO_RECIPIENT, TO_LOCKER or AT_DOOR") DeliveryMethod method,
        @Size(max = 100, message = "must be at most 100 characters") String receivedBy,
        @Size(max = 50, message = "must be at most 50 characters") String lockerId,
        @Size(max = 200, message = "must be at most 200 characters") String photoReference,
        @Size(max = 200, message = "must be at most 200 characters") String signatureReference,
        @Size(max = 500, message = "must be at most 500 characters") String note,
        String location) {

    @AssertTrue(message = "a locker delivery needs lockerId")
    boolean isLockerNamed() {
        return method != DeliveryMethod.TO_LOCKER || (lockerId != null && !lockerId.isBlank());
    }

    DeliveryProof proof() {
        return new DeliveryProof(lockerId, photoReference, signatureReference);
    }

    DeliveryPersonalData personalData() {
        return new DeliveryPersonalData(receivedBy, note);
    }

    @Override
    public String toString() {
        return "DeliveryRequest[method=" + method + ", location=" + location + "]";
    }
}
