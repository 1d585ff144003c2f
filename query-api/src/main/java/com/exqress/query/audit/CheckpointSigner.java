package com.exqress.query.audit;

import com.exqress.platform.keys.KeptKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints with ES256, with a key of its own (not the token or label keys) kept in
 * {@code keys/checkpoint-signing-keys.json} under the data directory, so checkpoints signed before a restart still
 * verify after it. The signature is a compact JWS whose payload is the checkpoint's canonical JSON: an auditor
 * checks it with any JOSE library against {@code GET /audit/checkpoints/jwks.json}.
 */
@Component
public class CheckpointSigner {

    static final String KEY_FILE = "keys/checkpoint-signing-keys.json";

    private final ECKey key;
    private final ECDSASigner signer;

    public CheckpointSigner(Environment environment) throws JOSEException {
        this.key = KeptKeys.p256(environment, KEY_FILE, "checkpoint signatures stop verifying");
        this.signer = new ECDSASigner(key);
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The compact JWS of {@code canonicalJson}. */
    public String sign(byte[] canonicalJson) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(canonicalJson));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
        return jws.serialize();
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
