package com.exqress.command.web;

/** A genuine, current label and the parcel it belongs to. */
public record LabelVerificationResponse(String waybillId, String trackingNumber, String carrier) {
}
