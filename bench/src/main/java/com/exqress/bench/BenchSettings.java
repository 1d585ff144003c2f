package com.exqress.bench;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelSigningKeys;
import com.exqress.waybill.api.CarrierId;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;
import java.util.Set;

/**
 * Iteration settings every benchmark here shares, sized so the whole suite (11 benchmarks, one fork
 * each) runs in about five minutes on a 2-core machine while each fork still gets a long warm-up: on such
 * a machine a fresh JVM measures 35-50 % below the same code warmed up.
 */
final class BenchSettings {

    static final int WARMUP_ITERATIONS = 8;
    static final int WARMUP_SECONDS = 2;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final int MEASUREMENT_SECONDS = 2;

    /** The production base URL (docs/qr-format.md), so the QR text has the real length. */
    static final String BASE_URL = "HTTPS://EXQ.RS/L/";

    /** The carrier whose labels the benchmarks sign: its code starts the key id, as in production. */
    static final CarrierId CARRIER = new CarrierId("SWP");

    /** A codec that signs {@link #CARRIER}'s labels with the key, as production does. */
    static LabelQrCodec codecSigningWith(ECKey key) {
        return new LabelQrCodec(new LabelSigningKeys(Map.of(CARRIER, LabelKeyRing.of(new JWKSet(key), null, Set.of()))),
                BASE_URL);
    }

    private BenchSettings() {
    }
}
