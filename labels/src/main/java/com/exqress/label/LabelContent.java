package com.exqress.label;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a label shows, and nothing else: no name, phone or street, not even masked.
 *
 * @param carrierName    the carrier's display name, for example "Swift Parcel"
 * @param trackingNumber the human tracking number, also printed as a Code 128 barcode
 * @param routingCode    the coarse destination a sorting hub needs: region and hub, for example "BSN / BSN-01"
 * @param service        the service level, for example "STANDARD"
 * @param weightGrams    the parcel's weight
 * @param printedOn      the day the label was printed, in the carrier's time zone
 * @param qrText         the signed opaque reference (see docs/qr-format.md), encoded in the QR code
 */
public record LabelContent(String carrierName, String trackingNumber, String routingCode, String service,
                           int weightGrams, LocalDate printedOn, String qrText) {

    public LabelContent {
        Objects.requireNonNull(carrierName, "carrierName");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(routingCode, "routingCode");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(printedOn, "printedOn");
        Objects.requireNonNull(qrText, "qrText");
    }
}
