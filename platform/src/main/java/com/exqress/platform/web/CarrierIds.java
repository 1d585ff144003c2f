package com.exqress.platform.web;

import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.waybill.api.CarrierId;
import org.springframework.http.HttpStatus;

/** Carrier codes from URL paths. */
public final class CarrierIds {

    private CarrierIds() {
    }

    /** A carrier on the platform; a malformed or unknown code is 404 CARRIER_NOT_FOUND for everyone. */
    public static CarrierId known(CarrierDirectory carriers, String code) {
        if (!CarrierId.isWellFormed(code) || !carriers.isKnown(new CarrierId(code))) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "CARRIER_NOT_FOUND", "no such carrier on this platform");
        }
        return new CarrierId(code);
    }
}
