package com.exqress.label;

import com.exqress.waybill.api.CarrierId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * One carrier's label signing keys: one active key signs new labels; the others only verify labels printed
 * earlier, until they are retired. Rotation is adding a key, making it active, and retiring the old one
 * once its labels are out of circulation. {@link LabelSigningKeys} holds the rings of all carriers.
 */
public final class LabelKeyRing {

    /** Key ids travel in the QR code in alphanumeric mode, so they are short and upper case. */
    static final Pattern KEY_ID = Pattern.compile("[0-9A-Z]{1,8}");
    private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Map<String, ECKey> keys;
    private final ECKey signingKey;
    private final Set<String> retiredKeyIds;

    private LabelKeyRing(Map<String, ECKey> keys, ECKey signingKey, Set<String> retiredKeyIds) {
        this.keys = keys;
        this.signingKey = signingKey;
        this.retiredKeyIds = retiredKeyIds;
    }

    /**
     * @param keySet        P-256 keys with key ids; the active one must include its private part
     * @param activeKeyId   the key that signs new labels, or null for the last key that has a private part
     * @param retiredKeyIds keys whose labels no longer verify
     */
    public static LabelKeyRing of(JWKSet keySet, String activeKeyId, Set<String> retiredKeyIds) {
        Map<String, ECKey> keys = new LinkedHashMap<>();
        for (JWK jwk : keySet.getKeys()) {
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalArgumentException("label keys must be EC P-256 keys (ES256)");
            }
            if (ec.getKeyID() == null || !KEY_ID.matcher(ec.getKeyID()).matches()) {
                throw new IllegalArgumentException("label key ids must be 1-8 upper-case letters or digits");
            }
            keys.put(ec.getKeyID(), ec);
        }
        ECKey active = activeKeyId != null ? keys.get(activeKeyId)
                : keys.values().stream().filter(ECKey::isPrivate).reduce((first, second) -> second).orElse(null);
        if (active == null || !active.isPrivate()) {
            throw new IllegalArgumentException("the active label key must be in the key set with its private part");
        }
        if (retiredKeyIds.contains(active.getKeyID())) {
            throw new IllegalArgumentException("the active label key cannot be retired");
        }
        return new LabelKeyRing(Map.copyOf(keys), active, Set.copyOf(retiredKeyIds));
    }

    /**
     * A new P-256 signing key for a carrier. Its key id is the carrier's code and four random characters
     * (e.g. {@code SWPK3QZ}), so a QR text shows whose key signed it.
     */
    public static ECKey generateKey(CarrierId owner, RandomGenerator random) {
        StringBuilder keyId = new StringBuilder(owner.code());
        for (int i = 0; i < 4; i++) {
            keyId.append(KEY_ID_ALPHABET.charAt(random.nextInt(KEY_ID_ALPHABET.length())));
        }
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId.toString()).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    ECKey signingKey() {
        return signingKey;
    }

    /** Every key id in the ring, retired ones included: no other carrier may use them. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    Optional<ECKey> verificationKey(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public boolean isRetired(String keyId) {
        return retiredKeyIds.contains(keyId);
    }

    public String activeKeyId() {
        return signingKey.getKeyID();
    }

    /** The public keys that still verify labels, to publish at /.well-known/jwks.json. */
    public JWKSet publicKeys() {
        List<JWK> published = new ArrayList<>();
        for (ECKey key : keys.values()) {
            if (!isRetired(key.getKeyID())) {
                published.add(key.toPublicJWK());
            }
        }
        return new JWKSet(published);
    }
}
