package com.exqress.label;

import com.exqress.waybill.api.CarrierId;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The label signing keys of every carrier: a carrier's keys are its own, one {@link LabelKeyRing} each. A key
 * id belongs to exactly one carrier, so the key that verifies a label also tells which carrier signed it.
 */
public final class LabelSigningKeys {

    /** By carrier code, so the published key set comes out in the same order on every start. */
    private final SortedMap<CarrierId, LabelKeyRing> rings;
    private final Map<String, CarrierId> ownerOfKey;

    public LabelSigningKeys(Map<CarrierId, LabelKeyRing> rings) {
        SortedMap<CarrierId, LabelKeyRing> sorted = new TreeMap<>(Comparator.comparing(CarrierId::code));
        sorted.putAll(rings);
        Map<String, CarrierId> owners = new HashMap<>();
        sorted.forEach((carrier, ring) -> {
            for (String keyId : ring.keyIds()) {
                CarrierId other = owners.putIfAbsent(keyId, carrier);
                if (other != null) {
                    throw new IllegalArgumentException("label key id " + keyId + " is used by both carrier " + other
                            + " and carrier " + carrier + "; key ids must be unique across carriers");
                }
            }
        });
        this.rings = Collections.unmodifiableSortedMap(sorted);
        this.ownerOfKey = Map.copyOf(owners);
    }

    /** Each carrier's keys; a carrier that is not here signs no labels. */
    Map<CarrierId, LabelKeyRing> rings() {
        return rings;
    }

    /** One carrier's keys, if it has any. */
    public Optional<LabelKeyRing> ringOf(CarrierId carrier) {
        return Optional.ofNullable(rings.get(carrier));
    }

    /** The carrier a key id belongs to, retired keys included. */
    public Optional<CarrierId> ownerOf(String keyId) {
        return Optional.ofNullable(ownerOfKey.get(keyId));
    }

    /** Every carrier's public keys that still verify labels, to publish at /.well-known/jwks.json. */
    public JWKSet publicKeys() {
        List<JWK> published = new ArrayList<>();
        for (LabelKeyRing ring : rings.values()) {
            published.addAll(ring.publicKeys().getKeys());
        }
        return new JWKSet(published);
    }
}
