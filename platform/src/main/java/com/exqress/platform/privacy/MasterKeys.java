package com.exqress.platform.privacy;

import com.exqress.waybill.api.WaybillId;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The master keys that wrap data keys: AES-256 keys from a JWK set, one of them active for wrapping new data keys,
 * the others kept to unwrap data keys they wrapped before a rotation. A wrapped data key names its master key.
 */
public final class MasterKeys {

    private static final int KEY_BITS = 256;

    private final Map<String, SecretKey> byId;
    private final String activeId;

    private MasterKeys(Map<String, SecretKey> byId, String activeId) {
        this.byId = Map.copyOf(byId);
        this.activeId = activeId;
    }

    /** The AES-256 ({@code oct}) keys of {@code keySet}; {@code activeId} may be null when there is exactly one. */
    public static MasterKeys of(JWKSet keySet, String activeId) {
        Map<String, SecretKey> byId = new HashMap<>();
        for (JWK key : keySet.getKeys()) {
            if (!(key instanceof OctetSequenceKey octets) || octets.size() != KEY_BITS || key.getKeyID() == null) {
                throw new IllegalArgumentException("every master key must be a 256-bit \"oct\" JWK with a \"kid\"");
            }
            byId.put(key.getKeyID(), octets.toSecretKey("AES"));
        }
        String active = activeId != null ? activeId : onlyKeyId(byId);
        if (!byId.containsKey(active)) {
            throw new IllegalArgumentException("the active master key " + active + " is not in the key set");
        }
        return new MasterKeys(byId, active);
    }

    private static String onlyKeyId(Map<String, SecretKey> byId) {
        if (byId.size() != 1) {
            throw new IllegalArgumentException("the key set holds " + byId.size() + " master keys: name the active one");
        }
        return byId.keySet().iterator().next();
    }

    public static OctetSequenceKey generate(String keyId) {
        try {
            return new OctetSequenceKeyGenerator(KEY_BITS).keyID(keyId).keyUse(KeyUse.ENCRYPTION)
                    .algorithm(EncryptionMethod.A256GCM).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an AES-256 key", e);
        }
    }

    Wrapped wrap(WaybillId waybillId, SecretKey dataKey) {
        return seal(associatedData(waybillId), dataKey.getEncoded());
    }

    SecretKey unwrap(String masterKeyId, WaybillId waybillId, byte[] wrapped) {
        return new SecretKeySpec(open(masterKeyId, associatedData(waybillId), wrapped,
                "the data key of waybill " + waybillId), "AES");
    }

    /**
     * Seals another secret the platform keeps in its database, such as a label signing key made from the console.
     * {@code purpose} names what the secret is for; it opens only with the same purpose, so a sealed secret cannot
     * be passed off as another one, nor as a data key.
     */
    public Wrapped seal(String purpose, byte[] secret) {
        return seal(associatedData(purpose), secret);
    }

    /** A secret {@link #seal(String, byte[]) sealed} for {@code purpose} by the master key {@code masterKeyId}. */
    public byte[] open(String masterKeyId, String purpose, byte[] sealed) {
        return open(masterKeyId, associatedData(purpose), sealed, "the " + purpose);
    }

    private Wrapped seal(byte[] associatedData, byte[] secret) {
        return new Wrapped(activeId, AesGcm.seal(byId.get(activeId), associatedData, secret));
    }

    private byte[] open(String masterKeyId, byte[] associatedData, byte[] sealed, String what) {
        SecretKey master = byId.get(masterKeyId);
        if (master == null) {
            throw new IllegalStateException(what + " is wrapped by master key " + masterKeyId
                    + ", which this service does not hold");
        }
        return AesGcm.open(master, associatedData, sealed);
    }

    /** A wrapped key opens only as the key of the waybill it was made for. */
    private static byte[] associatedData(WaybillId waybillId) {
        return ("exqress data key " + waybillId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String purpose) {
        return ("exqress secret: " + purpose).getBytes(StandardCharsets.UTF_8);
    }

    public record Wrapped(String masterKeyId, byte[] bytes) {
    }
}
