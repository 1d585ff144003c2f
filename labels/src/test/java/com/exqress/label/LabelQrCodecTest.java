package com.exqress.label;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelQrCodecTest {

    private static final String BASE = "HTTPS://EXQ.RS/L/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CarrierId SWP = new CarrierId("SWP");
    private static final CarrierId BLR = new CarrierId("BLR");

    private final ECKey key = LabelKeyRing.generateKey(SWP, RANDOM);
    private final LabelQrCodec codec = new LabelQrCodec(keysOf(SWP, LabelKeyRing.of(new JWKSet(key), null, Set.of())), BASE);
    private final LabelReference reference = LabelReference.mint(RANDOM);

    @Test
    void encodedReferenceVerifiesBackToItselfSignedByItsCarrier() {
        String qrText = codec.encode(SWP, reference);

        assertThat(qrText).startsWith(BASE + key.getKeyID() + ".").matches("[0-9A-Z$%*+./:-]+");
        assertThat(qrText.length()).isEqualTo(BASE.length() + key.getKeyID().length() + 1 + 128);
        assertThat(codec.verify(qrText)).isEqualTo(new VerifiedLabel(reference, SWP, key.getKeyID()));
    }

    @Test
    void aGeneratedKeyIdStartsWithItsCarriersCode() {
        assertThat(key.getKeyID()).matches("SWP[A-Z2-7]{4}");
    }

    @Test
    void eachCarrierSignsWithItsOwnKeyAndTheVerifierNamesTheSigner() {
        ECKey blrKey = LabelKeyRing.generateKey(BLR, RANDOM);
        LabelSigningKeys keys = new LabelSigningKeys(Map.of(
                SWP, LabelKeyRing.of(new JWKSet(key), null, Set.of()),
                BLR, LabelKeyRing.of(new JWKSet(blrKey), null, Set.of())));
        LabelQrCodec shared = new LabelQrCodec(keys, BASE);

        assertThat(shared.verify(shared.encode(SWP, reference))).isEqualTo(new VerifiedLabel(reference, SWP, key.getKeyID()));
        assertThat(shared.verify(shared.encode(BLR, reference))).isEqualTo(new VerifiedLabel(reference, BLR, blrKey.getKeyID()));
        assertThat(keys.publicKeys().getKeys()).extracting(k -> k.getKeyID())
                .containsExactly(blrKey.getKeyID(), key.getKeyID());
        assertThat(keys.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
    }

    @Test
    void aKeyIdUsedByTwoCarriersIsRefused() {
        LabelKeyRing ring = LabelKeyRing.of(new JWKSet(key), null, Set.of());

        assertThatThrownBy(() -> new LabelSigningKeys(Map.of(SWP, ring, BLR, ring)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.getKeyID()).hasMessageContaining("SWP").hasMessageContaining("BLR");
    }

    @Test
    void aRetiredKeyIdOfOneCarrierCannotBeAnotherCarriersKey() {
        ECKey current = LabelKeyRing.generateKey(SWP, RANDOM);
        LabelKeyRing swp = LabelKeyRing.of(new JWKSet(Arrays.asList(key, current)), current.getKeyID(), Set.of(key.getKeyID()));
        LabelKeyRing blr = LabelKeyRing.of(new JWKSet(key), null, Set.of());

        assertThatThrownBy(() -> new LabelSigningKeys(Map.of(SWP, swp, BLR, blr)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key.getKeyID());
    }

    @Test
    void aCarrierWithoutKeysCannotSign() {
        assertThatThrownBy(() -> codec.encode(BLR, reference))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BLR");
    }

    @Test
    void qrTextRevealsNeitherTheReferenceNorAnythingElseInTheClear() {
        String qrText = codec.encode(SWP, reference);

        assertThat(qrText).doesNotContain(reference.value());
    }

    @Test
    void changingAnyCharacterIsRejectedAsForgedOrMalformed() {
        String qrText = codec.encode(SWP, reference);
        // Verified first, so that the codec remembers this label's signature: no altered copy may ride on it.
        assertThat(codec.verify(qrText).reference()).isEqualTo(reference);

        for (int i = 0; i < qrText.length(); i++) {
            String altered = qrText.substring(0, i) + otherCharacterLike(qrText.charAt(i)) + qrText.substring(i + 1);
            LabelRejection expected = Character.isLetterOrDigit(qrText.charAt(i)) ? LabelRejection.LABEL_FORGED
                    : LabelRejection.LABEL_MALFORMED;
            assertThatThrownBy(() -> codec.verify(altered))
                    .as("character %d changed", i)
                    .isInstanceOfSatisfying(LabelRejectedException.class,
                            rejected -> assertThat(rejected.rejection()).isIn(expected, LabelRejection.LABEL_FORGED));
        }
    }

    @Test
    void aLabelSignedByAnUnknownKeyIsForged() {
        LabelQrCodec stranger = new LabelQrCodec(
                keysOf(SWP, LabelKeyRing.of(new JWKSet(LabelKeyRing.generateKey(SWP, RANDOM)), null, Set.of())), BASE);

        assertRejected(stranger.encode(SWP, reference), LabelRejection.LABEL_FORGED);
    }

    @Test
    void aLabelSignedByAnotherKeyUnderAKnownKeyIdIsForged() throws Exception {
        ECKey impostor = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(key.getKeyID()).generate();
        LabelQrCodec impostorCodec = new LabelQrCodec(keysOf(SWP, LabelKeyRing.of(new JWKSet(impostor), null, Set.of())), BASE);

        assertRejected(impostorCodec.encode(SWP, reference), LabelRejection.LABEL_FORGED);
    }

    @Test
    void aLabelUnderAnotherBaseUrlIsForged() {
        String qrText = codec.encode(SWP, reference).replace(BASE, "HTTPS://EVIL.EXAMPLE/L/");

        assertRejected(qrText, LabelRejection.LABEL_FORGED);
    }

    @Test
    void textThatIsNoLabelIsMalformed() {
        assertRejected("https://exq.rs/l/whatever", LabelRejection.LABEL_MALFORMED);
        assertRejected("", LabelRejection.LABEL_MALFORMED);
        assertRejected(null, LabelRejection.LABEL_MALFORMED);
        assertRejected(codec.encode(SWP, reference) + "A", LabelRejection.LABEL_MALFORMED);
    }

    @Test
    void afterRotationOldLabelsStillVerifyAndNewOnesUseTheNewKey() {
        String oldLabel = codec.encode(SWP, reference);
        ECKey newKey = LabelKeyRing.generateKey(SWP, RANDOM);
        LabelKeyRing rotated = LabelKeyRing.of(new JWKSet(Arrays.asList(key, newKey)), newKey.getKeyID(), Set.of());
        LabelQrCodec rotatedCodec = new LabelQrCodec(keysOf(SWP, rotated), BASE);

        assertThat(rotatedCodec.verify(oldLabel)).isEqualTo(new VerifiedLabel(reference, SWP, key.getKeyID()));
        assertThat(rotatedCodec.encode(SWP, reference)).startsWith(BASE + newKey.getKeyID() + ".");
        assertThat(rotated.publicKeys().getKeys()).extracting(k -> k.getKeyID())
                .containsExactlyInAnyOrder(key.getKeyID(), newKey.getKeyID());
        assertThat(rotated.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
    }

    @Test
    void aRetiredKeyNoLongerVerifiesAndIsNoLongerPublished() {
        String oldLabel = codec.encode(SWP, reference);
        ECKey newKey = LabelKeyRing.generateKey(SWP, RANDOM);
        LabelKeyRing retired = LabelKeyRing.of(new JWKSet(Arrays.asList(key, newKey)), newKey.getKeyID(),
                Set.of(key.getKeyID()));

        assertRejected(oldLabel, LabelRejection.LABEL_REVOKED, new LabelQrCodec(keysOf(SWP, retired), BASE));
        assertThat(retired.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly(newKey.getKeyID());
    }

    @Test
    void documentedTestVectorVerifiesWithPlainJoseAsTheDocumentDescribes() throws Exception {
        TestVector vector = TestVector.fromDocs();
        Matcher parts = Pattern.compile("HTTPS://EXQ\\.RS/L/([0-9A-Z]{1,8})\\.([A-Z2-7]{128})").matcher(vector.qrText());
        assertThat(parts.matches()).isTrue();
        byte[] body = new Base32().decode(parts.group(2));
        String header = "{\"alg\":\"ES256\",\"kid\":\"" + parts.group(1) + "\"}";
        String compactJws = Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(Arrays.copyOfRange(body, 0, 16)) + "." + Base64URL.encode(Arrays.copyOfRange(body, 16, 80));

        JWSObject jws = JWSObject.parse(compactJws);
        ECKey published = (ECKey) vector.jwks().getKeyByKeyId(jws.getHeader().getKeyID());

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(HexFormat.of().withUpperCase().formatHex(jws.getPayload().toBytes())).isEqualTo(vector.reference());
    }

    @Test
    void documentedTestVectorVerifiesWithExqressItselfAndFailsWhenAltered() throws Exception {
        TestVector vector = TestVector.fromDocs();
        ECKey active = LabelKeyRing.generateKey(SWP, RANDOM);
        JWKSet keys = new JWKSet(Arrays.asList(active, vector.jwks().getKeys().get(0)));
        LabelQrCodec verifier = new LabelQrCodec(keysOf(SWP, LabelKeyRing.of(keys, active.getKeyID(), Set.of())), BASE);

        assertThat(verifier.verify(vector.qrText()))
                .isEqualTo(new VerifiedLabel(new LabelReference(vector.reference()), SWP, "KTV01"));
        String altered = vector.qrText().substring(0, 40) + otherCharacterLike(vector.qrText().charAt(40))
                + vector.qrText().substring(41);
        assertRejected(altered, LabelRejection.LABEL_FORGED, verifier);
    }

    private static LabelSigningKeys keysOf(CarrierId carrier, LabelKeyRing ring) {
        return new LabelSigningKeys(Map.of(carrier, ring));
    }

    private void assertRejected(String qrText, LabelRejection rejection) {
        assertRejected(qrText, rejection, codec);
    }

    private static void assertRejected(String qrText, LabelRejection rejection, LabelQrCodec verifier) {
        assertThatThrownBy(() -> verifier.verify(qrText))
                .isInstanceOfSatisfying(LabelRejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
    }

    /** Another character of the same kind, so the text keeps the shape of a label where it can. */
    private static char otherCharacterLike(char c) {
        if (c >= '2' && c <= '7') {
            return c == '7' ? '2' : (char) (c + 1);
        }
        if (Character.isDigit(c)) {
            return c == '9' ? '0' : (char) (c + 1);
        }
        if (Character.isUpperCase(c)) {
            return c == 'Z' ? 'A' : (char) (c + 1);
        }
        return c == '/' ? '.' : '/';
    }

    /** The test vector published in docs/qr-format.md, read from the document itself. */
    private record TestVector(String qrText, JWKSet jwks, String reference) {

        static TestVector fromDocs() throws IOException, java.text.ParseException {
            String doc = Files.readString(Path.of("..", "docs", "qr-format.md"));
            return new TestVector(block(doc, "qr-text"), JWKSet.parse(block(doc, "jwks")), block(doc, "reference"));
        }

        private static String block(String doc, String name) {
            Matcher block = Pattern.compile("```" + name + "\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
            if (!block.find()) {
                throw new IllegalStateException("docs/qr-format.md has no " + name + " block");
            }
            return block.group(1).strip();
        }
    }
}
