package com.exqress.label;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import org.apache.commons.codec.binary.Base32;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a label's QR code: {@code <base URL><key id>.<BASE32(reference || signature)>}, where the
 * signature is an ES256 JWS signature over the 16 reference bytes with the header
 * {@code {"alg":"ES256","kid":"<key id>"}}. Everything is in the QR alphanumeric character set, so the
 * code fits QR version 8 at level Q; a verifier rebuilds the compact JWS and checks it with any JOSE
 * library (docs/qr-format.md). Each carrier signs with its own keys, and the key id says whose key it is.
 * Verification needs no database.
 */
public final class LabelQrCodec {

    private static final int REFERENCE_BYTES = 16;
    private static final int SIGNATURE_BYTES = 64;
    private static final Pattern SHAPE = Pattern.compile("(?<base>[0-9A-Z$%*+./:-]+/)(?<kid>[0-9A-Z]{1,8})\\.(?<body>[A-Z2-7]{128})");
    private static final Pattern BASE_URL = Pattern.compile("[0-9A-Z$%*+./:-]+/");
    /** About 4 MB: the labels of the parcels one instance sees scanned again within a day or two. */
    private static final long REMEMBERED_SIGNATURES = 20_000;

    private final String baseUrl;
    /** Replaced as a whole when a carrier's keys rotate, so one encode or verify sees one consistent set. */
    private volatile KeysInUse inUse;
    /**
     * Key id and body of the labels whose signature held. A parcel is scanned at every step of its way, and the
     * ES256 check was a fifth of a scan's CPU. A key id names one key for good, so a signature that held once
     * holds for ever; whether that key is still known and not retired is checked on every scan all the same.
     */
    private final Cache<String, Boolean> verifiedSignatures = Caffeine.newBuilder().maximumSize(REMEMBERED_SIGNATURES).build();

    public LabelQrCodec(LabelSigningKeys keys, String baseUrl) {
        if (!BASE_URL.matcher(baseUrl).matches()) {
            throw new IllegalArgumentException("the QR base URL must be upper case and end with '/', e.g. HTTPS://EXQ.RS/L/");
        }
        this.baseUrl = baseUrl;
        this.inUse = KeysInUse.of(keys);
    }

    /** The keys that sign and verify labels from now on: a key was added, made active or retired. */
    public void use(LabelSigningKeys keys) {
        inUse = KeysInUse.of(keys);
    }

    /** The keys in use now. */
    public LabelSigningKeys keys() {
        return inUse.keys();
    }

    /** The QR text for a reference, signed with the carrier's active key. */
    public String encode(CarrierId carrier, LabelReference reference) {
        ActiveKey active = inUse.activeKeys().get(carrier);
        if (active == null) {
            throw new IllegalArgumentException("carrier " + carrier + " has no label signing keys");
        }
        byte[] referenceBytes = HexFormat.of().parseHex(reference.value());
        JWSObject jws = new JWSObject(canonicalHeader(active.keyId()), new Payload(referenceBytes));
        try {
            jws.sign(active.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the label reference", e);
        }
        byte[] body = Arrays.copyOf(referenceBytes, REFERENCE_BYTES + SIGNATURE_BYTES);
        System.arraycopy(jws.getSignature().decode(), 0, body, REFERENCE_BYTES, SIGNATURE_BYTES);
        return baseUrl + active.keyId() + "." + new Base32().encodeAsString(body);
    }

    /**
     * The reference a QR text carries and the carrier whose key signed it, if its shape, base URL, key and
     * signature check out. Rejects with LABEL_MALFORMED, LABEL_FORGED or LABEL_REVOKED (retired key) and
     * never touches a database.
     */
    public VerifiedLabel verify(String qrText) {
        Matcher shape = qrText == null ? null : SHAPE.matcher(qrText);
        if (shape == null || !shape.matches()) {
            throw new LabelRejectedException(LabelRejection.LABEL_MALFORMED, "this is not an Exqress label");
        }
        if (!baseUrl.equals(shape.group("base"))) {
            throw forged();
        }
        String keyId = shape.group("kid");
        LabelSigningKeys keys = inUse.keys();
        CarrierId signer = keys.ownerOf(keyId).orElseThrow(LabelQrCodec::forged);
        LabelKeyRing ring = keys.rings().get(signer);
        ECKey key = ring.verificationKey(keyId).orElseThrow(LabelQrCodec::forged);
        byte[] body = new Base32().decode(shape.group("body"));
        byte[] reference = Arrays.copyOfRange(body, 0, REFERENCE_BYTES);
        byte[] signature = Arrays.copyOfRange(body, REFERENCE_BYTES, REFERENCE_BYTES + SIGNATURE_BYTES);
        String signed = keyId + "." + shape.group("body");
        if (verifiedSignatures.getIfPresent(signed) == null) {
            if (!signatureHolds(key, keyId, reference, signature)) {
                throw forged();
            }
            verifiedSignatures.put(signed, Boolean.TRUE);
        }
        if (ring.isRetired(keyId)) {
            throw new LabelRejectedException(LabelRejection.LABEL_REVOKED,
                    "this label was signed with a retired key; print a new label");
        }
        return new VerifiedLabel(new LabelReference(HexFormat.of().withUpperCase().formatHex(reference)), signer, keyId);
    }

    private static boolean signatureHolds(ECKey key, String keyId, byte[] reference, byte[] signature) {
        try {
            JWSObject jws = new JWSObject(canonicalHeader(keyId).toBase64URL(), Base64URL.encode(reference),
                    Base64URL.encode(signature));
            return jws.verify(new ECDSAVerifier(key));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    /**
     * The exact header bytes are part of what is signed, so they are fixed text rather than whatever
     * a JSON library would serialise: a verifier in any language can rebuild them.
     */
    static JWSHeader canonicalHeader(String keyId) {
        String json = "{\"alg\":\"ES256\",\"kid\":\"" + keyId + "\"}";
        try {
            return JWSHeader.parse(Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)));
        } catch (ParseException e) {
            throw new IllegalStateException("the canonical label header does not parse", e);
        }
    }

    private static LabelRejectedException forged() {
        return new LabelRejectedException(LabelRejection.LABEL_FORGED, "this label's signature does not verify");
    }

    private record KeysInUse(LabelSigningKeys keys, Map<CarrierId, ActiveKey> activeKeys) {

        static KeysInUse of(LabelSigningKeys keys) {
            Map<CarrierId, ActiveKey> active = new HashMap<>();
            keys.rings().forEach((carrier, ring) -> active.put(carrier, ActiveKey.of(carrier, ring)));
            return new KeysInUse(keys, Map.copyOf(active));
        }
    }

    /** A carrier's active key with its signer, built once: the signer converts the key on construction. */
    private record ActiveKey(String keyId, ECDSASigner signer) {

        static ActiveKey of(CarrierId carrier, LabelKeyRing ring) {
            try {
                return new ActiveKey(ring.activeKeyId(), new ECDSASigner(ring.signingKey()));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("the active label key of carrier " + carrier + " cannot sign", e);
            }
        }
    }
}
