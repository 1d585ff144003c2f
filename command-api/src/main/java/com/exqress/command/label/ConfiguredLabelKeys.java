package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelSigningKeys;
import com.exqress.waybill.api.CarrierId;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each carrier's label keys as configured ({@link LabelKeySource}): the keys a service starts with. Keys rotated
 * from the console add to them; the newest rotated key that is not retired signs instead of the configured one.
 */
final class ConfiguredLabelKeys {

    private final Map<CarrierId, CarrierKeys> byCarrier;

    /** Every carrier's keys are checked here, so a bad key set stops the service at start-up. */
    ConfiguredLabelKeys(Map<CarrierId, CarrierKeys> byCarrier) {
        Map<CarrierId, CarrierKeys> resolved = new HashMap<>();
        byCarrier.forEach((carrier, keys) -> {
            try {
                LabelKeyRing ring = LabelKeyRing.of(keys.keySet(), keys.activeKeyId(), keys.retiredKeyIds());
                resolved.put(carrier, new CarrierKeys(keys.keySet(), ring.activeKeyId(), keys.retiredKeyIds()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the label keys of carrier " + carrier + ": " + e.getMessage(), e);
            }
        });
        this.byCarrier = Map.copyOf(resolved);
        // Builds the key set once for its checks across carriers, such as a key id used by two of them.
        with(RotatedLabelKeys.NONE);
    }

    /** The keys in use once the rotations and retirements made from the console are added. */
    LabelSigningKeys with(RotatedLabelKeys rotated) {
        Map<CarrierId, LabelKeyRing> rings = new HashMap<>();
        byCarrier.forEach((carrier, configured) -> {
            List<JWK> keys = new ArrayList<>(configured.keySet().getKeys());
            Set<String> retired = new HashSet<>(configured.retiredKeyIds());
            rotated.retirementsOf(carrier).forEach(retirement -> retired.add(retirement.keyId()));
            String active = configured.activeKeyId();
            for (RotatedLabelKeys.RotatedKey key : rotated.keysOf(carrier)) {
                keys.add(key.key());
                if (!retired.contains(key.keyId())) {
                    active = key.keyId();
                }
            }
            rings.put(carrier, LabelKeyRing.of(new JWKSet(keys), active, retired));
        });
        return new LabelSigningKeys(rings);
    }

    /** The carrier's configured key ids, in the order of its key set. */
    List<String> keyIdsOf(CarrierId carrier) {
        CarrierKeys keys = byCarrier.get(carrier);
        return keys == null ? List.of() : keys.keySet().getKeys().stream().map(JWK::getKeyID).toList();
    }

    /**
     * @param activeKeyId   the key that signs new labels, or null for the last key with a private part
     * @param retiredKeyIds keys whose labels no longer verify
     */
    record CarrierKeys(JWKSet keySet, String activeKeyId, Set<String> retiredKeyIds) {
    }
}
