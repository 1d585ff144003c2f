package com.exqress.command.label;

import com.exqress.waybill.api.CarrierId;
import com.nimbusds.jose.jwk.ECKey;

import java.time.Instant;
import java.util.List;

/**
 * The label keys made and retired from the admin console, as stored: they add to each carrier's configured keys
 * ({@link ConfiguredLabelKeys#with}). Keys come in the order they were made.
 */
record RotatedLabelKeys(List<RotatedKey> keys, List<Retirement> retirements) {

    /** A database where nobody rotated a key yet. */
    static final RotatedLabelKeys NONE = new RotatedLabelKeys(List.of(), List.of());

    RotatedLabelKeys {
        keys = List.copyOf(keys);
        retirements = List.copyOf(retirements);
    }

    List<RotatedKey> keysOf(CarrierId carrier) {
        return keys.stream().filter(key -> key.carrier().equals(carrier)).toList();
    }

    List<Retirement> retirementsOf(CarrierId carrier) {
        return retirements.stream().filter(retirement -> retirement.carrier().equals(carrier)).toList();
    }

    /** A key made from the console, with its private part, by whom and when. */
    record RotatedKey(ECKey key, CarrierId carrier, Instant createdAt, String createdBy) {

        String keyId() {
            return key.getKeyID();
        }
    }

    /** A key, configured or rotated, whose labels no longer verify, retired by whom and when. */
    record Retirement(String keyId, CarrierId carrier, Instant retiredAt, String retiredBy) {
    }
}
