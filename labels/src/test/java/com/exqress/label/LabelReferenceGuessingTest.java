package com.exqress.label;

import com.exqress.waybill.api.CarrierId;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Guessing label references finds nothing (issue 7): well-formed QR texts under every known key id, with a
 * guessed reference and signature, never verify.
 * <p>
 * Why {@value #GUESSES} guesses and not a million: each one costs a full ES256 verification, about 2 ms on
 * this project's 2-core machines, so a million would take over half an hour. A million would also prove
 * no more. A guess verifies only if its 64 signature bytes are a valid ES256 signature on its reference:
 * for a given reference, key and R, at most four of the about 2^256 values of S are valid, so a random
 * guess passes with a chance of at most about 2^-254, and a million of them with about 10^-70. Even with a
 * valid signature, a random 128-bit reference would name one of, say, 10^10 printed labels with a chance
 * of 10^10 / 2^128, about 3 * 10^-29. So any guess that verifies means a shortcut in the verifier, and a
 * few thousand guesses, plus the degenerate signatures below, find such a shortcut as surely as a million
 * would. Over HTTP a courier token gets 120 scans a minute, so a million guesses would take it almost six
 * days.
 */
class LabelReferenceGuessingTest {

    /** About 10 s at 2 ms per verification. */
    private static final int GUESSES = 5_000;
    private static final String BASE = "HTTPS://EXQ.RS/L/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CarrierId SWP = new CarrierId("SWP");
    private static final CarrierId BLR = new CarrierId("BLR");

    private final ECKey swpKey = LabelKeyRing.generateKey(SWP, RANDOM);
    private final ECKey blrRetiredKey = LabelKeyRing.generateKey(BLR, RANDOM);
    private final ECKey blrKey = LabelKeyRing.generateKey(BLR, RANDOM);
    private final LabelQrCodec codec = new LabelQrCodec(new LabelSigningKeys(Map.of(
            SWP, LabelKeyRing.of(new JWKSet(swpKey), null, Set.of()),
            BLR, LabelKeyRing.of(new JWKSet(Arrays.asList(blrRetiredKey, blrKey)), blrKey.getKeyID(),
                    Set.of(blrRetiredKey.getKeyID())))), BASE);
    private final List<String> keyIds = List.of(swpKey.getKeyID(), blrKey.getKeyID(), blrRetiredKey.getKeyID());

    @Test
    void randomReferencesAndSignaturesNeverVerify() {
        long seed = RANDOM.nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] body = new byte[80];

        for (int i = 0; i < GUESSES; i++) {
            random.nextBytes(body);
            assertForged(keyIds.get(i % keyIds.size()), body, "guess " + i + " of seed " + seed);
        }
    }

    /** Signatures a careless verifier accepts: all zeros (CVE-2022-21449 in Java's own ECDSA), all ones, too large. */
    @Test
    void degenerateSignaturesNeverVerify() {
        byte[] reference = new byte[16];
        RANDOM.nextBytes(reference);
        byte[] allOnes = new byte[64];
        Arrays.fill(allOnes, (byte) 0xFF);
        byte[] zeroR = new byte[64];
        Arrays.fill(zeroR, 32, 64, (byte) 0x01);

        for (byte[] signature : List.of(new byte[64], allOnes, zeroR)) {
            byte[] body = Arrays.copyOf(reference, 80);
            System.arraycopy(signature, 0, body, 16, 64);
            for (String keyId : keyIds) {
                assertForged(keyId, body, "signature " + Arrays.toString(signature));
            }
        }
    }

    private void assertForged(String keyId, byte[] body, String description) {
        String guess = BASE + keyId + "." + new Base32().encodeAsString(body);
        Throwable thrown = catchThrowable(() -> codec.verify(guess));

        assertThat(thrown).as(description).isInstanceOfSatisfying(LabelRejectedException.class,
                rejected -> assertThat(rejected.rejection()).isEqualTo(LabelRejection.LABEL_FORGED));
    }
}
