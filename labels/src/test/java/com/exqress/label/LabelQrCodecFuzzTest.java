package com.exqress.label;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input at scale for the QR verifier (issue 7): whatever a scanner hands over (any text, any bytes, a
 * genuine label's text with a character changed, cut, extended or under another prefix, megabytes of it),
 * {@link LabelQrCodec#verify} answers in bounded time, refuses only with a {@link LabelRejectedException},
 * and never takes a changed text for a genuine one.
 * <p>
 * To replay a failure exactly, copy the seed jqwik reports into the property: {@code @Property(seed = "…")}.
 */
class LabelQrCodecFuzzTest {

    private static final String BASE = "HTTPS://EXQ.RS/L/";
    /** The characters of a label's text: the QR alphanumeric set. */
    private static final String QR_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    /** One verification takes about a millisecond; only a hang, or work that grows badly with the input, gets near this. */
    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CarrierId SWP = new CarrierId("SWP");
    private static final CarrierId BLR = new CarrierId("BLR");
    private static final ECKey RETIRED_BLR_KEY = LabelKeyRing.generateKey(BLR, RANDOM);
    /** Two carriers, one of them with a retired key, so every rejection the verifier knows can come up. */
    private static final LabelQrCodec CODEC = new LabelQrCodec(new LabelSigningKeys(Map.of(
            SWP, LabelKeyRing.of(new JWKSet(LabelKeyRing.generateKey(SWP, RANDOM)), null, Set.of()),
            BLR, LabelKeyRing.of(new JWKSet(Arrays.asList(RETIRED_BLR_KEY, LabelKeyRing.generateKey(BLR, RANDOM))),
                    null, Set.of(RETIRED_BLR_KEY.getKeyID())))), BASE);
    /** Signed once: signing each try would double the time of the mutation property. */
    private static final List<String> GENUINE_TEXTS = Stream.generate(() -> LabelReference.mint(RANDOM)).limit(40)
            .flatMap(reference -> Stream.of(CODEC.encode(SWP, reference), CODEC.encode(BLR, reference))).toList();

    @Property(tries = 2000)
    void anyTextIsRefusedWithALabelRejection(@ForAll String text) {
        assertRefused(text);
    }

    @Property(tries = 1000)
    void anyBytesReadAsTextAreRefusedWithALabelRejection(@ForAll @Size(max = 600) byte[] bytes) {
        assertRefused(new String(bytes, StandardCharsets.UTF_8));
        assertRefused(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 2000)
    void textShapedLikeALabelIsRefusedWithALabelRejection(@ForAll("labelShaped") String text) {
        assertRefused(text);
    }

    /** Without this the properties below could pass on a verifier that refuses everything. */
    @Property(tries = 100)
    void aGenuineTextVerifiesToItsReferenceAndCarrier(@ForAll("references") LabelReference reference,
                                                      @ForAll("carriers") CarrierId carrier) {
        VerifiedLabel verified = verifyWithinBound(CODEC.encode(carrier, reference));

        assertThat(verified.reference()).isEqualTo(reference);
        assertThat(verified.signer()).isEqualTo(carrier);
    }

    @Property(tries = 2000)
    void aChangedGenuineTextIsNeverAccepted(@ForAll("mutatedGenuineTexts") Mutated mutated) {
        Assume.that(!mutated.text().equals(mutated.genuine()));

        assertThat(refusal(mutated.text())).as("%s of %s", mutated.how(), mutated.genuine())
                .isIn(LabelRejection.LABEL_MALFORMED, LabelRejection.LABEL_FORGED);
    }

    @Property(tries = 20)
    void megabytesOfTextAreRefusedInBoundedTime(@ForAll("labelShaped") String chunk,
                                                @ForAll("megabyteRepeats") int repeats) {
        assertRefused(chunk.repeat(repeats));
        assertRefused(BASE + chunk.repeat(repeats));
    }

    @Provide
    Arbitrary<LabelReference> references() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16)
                .map(bytes -> new LabelReference(HexFormat.of().withUpperCase().formatHex(bytes)));
    }

    @Provide
    Arbitrary<CarrierId> carriers() {
        return Arbitraries.of(SWP, BLR);
    }

    /** Texts from the label alphabet, many of them with a base URL, a key id and a body of about the right length. */
    @Provide
    Arbitrary<String> labelShaped() {
        Arbitrary<String> qrText = Arbitraries.strings().withChars(QR_ALPHABET).ofMaxLength(200);
        Arbitrary<String> base = Arbitraries.oneOf(Arbitraries.just(BASE), qrText.map(text -> text + "/"));
        Arbitrary<String> keyId = Arbitraries.oneOf(Arbitraries.just(RETIRED_BLR_KEY.getKeyID()),
                Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofMinLength(0).ofMaxLength(9));
        Arbitrary<String> body = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").ofMinLength(120).ofMaxLength(136);
        return Arbitraries.oneOf(qrText, Combinators.combine(base, keyId, body).as((b, k, d) -> b + k + "." + d));
    }

    @Provide
    Arbitrary<Integer> megabyteRepeats() {
        return Arbitraries.integers().between(5_000, 40_000);
    }

    /** A genuine text and one change to it. */
    record Mutated(String genuine, String how, String text) {
    }

    @Provide
    Arbitrary<Mutated> mutatedGenuineTexts() {
        return Arbitraries.of(GENUINE_TEXTS).flatMap(text -> Arbitraries.oneOf(
                flipped(text), truncated(text), cutAtTheFront(text), extended(text), withInsertion(text),
                withDeletion(text), withSwap(text), withLowerCase(text), underAnotherBase(text), huge(text)));
    }

    private static Arbitrary<Mutated> flipped(String text) {
        Arbitrary<Character> replacement = Arbitraries.oneOf(Arbitraries.of(chars(QR_ALPHABET)), Arbitraries.chars());
        return Combinators.combine(index(text), replacement).as((i, c) ->
                new Mutated(text, "character " + i + " changed to " + (int) c, text.substring(0, i) + c + text.substring(i + 1)));
    }

    private static Arbitrary<Mutated> truncated(String text) {
        return Arbitraries.integers().between(0, text.length() - 1)
                .map(n -> new Mutated(text, "cut to " + n + " characters", text.substring(0, n)));
    }

    private static Arbitrary<Mutated> cutAtTheFront(String text) {
        return Arbitraries.integers().between(1, text.length())
                .map(n -> new Mutated(text, n + " characters cut at the front", text.substring(n)));
    }

    private static Arbitrary<Mutated> extended(String text) {
        Arbitrary<String> tails = Arbitraries.oneOf(Arbitraries.strings().withChars(QR_ALPHABET).ofMinLength(1).ofMaxLength(300),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(300));
        return tails.map(tail -> new Mutated(text, "extended by " + tail.length() + " characters", text + tail));
    }

    private static Arbitrary<Mutated> withInsertion(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, text.length()), Arbitraries.of(chars(QR_ALPHABET)))
                .as((i, c) -> new Mutated(text, c + " inserted at " + i, text.substring(0, i) + c + text.substring(i)));
    }

    private static Arbitrary<Mutated> withDeletion(String text) {
        return index(text).map(i -> new Mutated(text, "character " + i + " deleted", text.substring(0, i) + text.substring(i + 1)));
    }

    private static Arbitrary<Mutated> withSwap(String text) {
        return Arbitraries.integers().between(0, text.length() - 2).map(i -> new Mutated(text, "characters " + i + " and " + (i + 1)
                + " swapped", text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2)));
    }

    private static Arbitrary<Mutated> withLowerCase(String text) {
        return index(text).map(i -> new Mutated(text, "character " + i + " in lower case",
                text.substring(0, i) + text.substring(i, i + 1).toLowerCase(Locale.ROOT) + text.substring(i + 1)));
    }

    private static Arbitrary<Mutated> underAnotherBase(String text) {
        Arbitrary<String> base = Arbitraries.oneOf(
                Arbitraries.of("HTTPS://EXQ.RS/", "HTTP://EXQ.RS/L/", "HTTPS://EXQ.RS/L/L/", "HTTPS://EVIL.EXAMPLE/L/", "/", "https://exq.rs/l/"),
                Arbitraries.strings().withChars(QR_ALPHABET).ofMaxLength(40).map(prefix -> prefix + "/"));
        return base.map(other -> new Mutated(text, "under the base " + other, other + text.substring(BASE.length())));
    }

    private static Arbitrary<Mutated> huge(String text) {
        return Arbitraries.integers().between(2, 2_000)
                .map(n -> new Mutated(text, "repeated " + n + " times", text.repeat(n)));
    }

    private static Arbitrary<Integer> index(String text) {
        return Arbitraries.integers().between(0, text.length() - 1);
    }

    private static Character[] chars(String alphabet) {
        return alphabet.chars().mapToObj(c -> (char) c).toArray(Character[]::new);
    }

    private static void assertRefused(String text) {
        assertThat(refusal(text)).isNotNull();
    }

    /** Why the verifier refused the text; fails if it accepted it, threw anything else or took too long. */
    private static LabelRejection refusal(String text) {
        Throwable thrown = catchThrowable(() -> verifyWithinBound(text));
        assertThat(thrown).as("verifying a text of %d characters", text.length())
                .isInstanceOf(LabelRejectedException.class);
        return ((LabelRejectedException) thrown).rejection();
    }

    private static VerifiedLabel verifyWithinBound(String text) {
        return assertTimeoutPreemptively(BOUND, () -> CODEC.verify(text));
    }
}
