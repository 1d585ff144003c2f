package com.exqress.command.web;

import jakarta.validation.constraints.AssertTrue;

/** {@code POST /waybills/{id}/handoffs}: to a courier (account id) or to a hub (hub code), exactly one. */
public record HandOffRequest(String toCourier, String toHub, String location) {

    @AssertTrue(message = "give exactly one of toCourier and toHub")
    boolean isOneTarget() {
        return (toCourier == null) != (toHub == null);
    }
}
