package com.exqress.waybill.api;

/**
 * Evidence of delivery that is not personal data: a locker id and references to a photo or a
 * signature held by the evidence store. Any field may be null.
 */
public record DeliveryProof(String lockerId, String photoReference, String signatureReference) {
}
