package com.exqress.label;

import java.time.LocalDate;

/** A realistic label: the QR text has the shape of a signed reference (upper case, so alphanumeric mode). */
final class LabelFixtures {

    /** 23 characters of prefix and 128 of base32 payload: 151 characters. */
    static final String QR_TEXT = "HTTPS://EXQ.RS/L/K7Q2M."
            + "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPJ2GK3DPN5ZXIZLSNFXGOYLOMQ4TMMBVGYZTINJSGE3TQOJQ"
            + "GMYDAMJRGIZTIMRVGY3TQNZZMFSGKZTHNBUWS2TL";

    static final LabelContent CONTENT = new LabelContent("Swift Parcel", "SWP4812345678KR", "BSN / BSN-01",
            "STANDARD", 1200, LocalDate.of(2026, 11, 23), QR_TEXT);

    /** What every format must show, and all it may show. */
    static final String[] SHOWN = {"Swift Parcel", "SWP4812345678KR", "BSN / BSN-01", "STANDARD", "1.2 kg", "2026-11-23"};

    private LabelFixtures() {
    }

    static LabelContent withQrText(String qrText) {
        return new LabelContent(CONTENT.carrierName(), CONTENT.trackingNumber(), CONTENT.routingCode(),
                CONTENT.service(), CONTENT.weightGrams(), CONTENT.printedOn(), qrText);
    }

    static LabelContent withCarrierName(String carrierName) {
        return new LabelContent(carrierName, CONTENT.trackingNumber(), CONTENT.routingCode(),
                CONTENT.service(), CONTENT.weightGrams(), CONTENT.printedOn(), CONTENT.qrText());
    }

    static LabelContent withTrackingNumber(String trackingNumber) {
        return new LabelContent(CONTENT.carrierName(), trackingNumber, CONTENT.routingCode(),
                CONTENT.service(), CONTENT.weightGrams(), CONTENT.printedOn(), CONTENT.qrText());
    }
}
