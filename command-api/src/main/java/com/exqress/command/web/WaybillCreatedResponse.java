package com.exqress.command.web;

/** The answer to a create, the same on every retry with the same idempotency key. */
public record WaybillCreatedResponse(String waybillId, String trackingNumber) {
}
