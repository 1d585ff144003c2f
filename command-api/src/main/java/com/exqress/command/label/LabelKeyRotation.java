package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelSigningKeys;
import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Role;
import com.nimbusds.jose.jwk.ECKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A carrier's admins rotate its label signing key from the console: a new key signs the carrier's new labels from
 * then on, while labels printed earlier still verify with the old key until an admin retires it. Every service
 * takes a change up within moments of its commit ({@link LabelKeyChanges}); this one at once.
 */
public class LabelKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(LabelKeyRotation.class);

    private final ConfiguredLabelKeys configured;
    private final StoredLabelKeys stored;
    private final LabelQrCodec codec;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    LabelKeyRotation(ConfiguredLabelKeys configured, StoredLabelKeys stored, LabelQrCodec codec,
                     TransactionTemplate transaction) {
        this.configured = configured;
        this.stored = stored;
        this.codec = codec;
        this.transaction = transaction;
    }

    /** The keys every service stored, so this one signs and verifies with the same keys as the others. */
    public void reload() {
        codec.use(configured.with(stored.read()));
    }

    /** The carrier's keys, oldest first: for its admins, and for platform admins, who see every carrier's set-up. */
    public List<LabelKey> keysOf(Actor actor, CarrierId carrier) {
        if (!actor.isCarrierAdminOf(carrier) && actor.role() != Role.PLATFORM_ADMIN) {
            throw ApiProblem.forbidden("only an admin of carrier " + carrier + " or a platform admin may see its label keys");
        }
        return describe(carrier, stored.read());
    }

    /**
     * Makes a new key the carrier's active one. A retry with the same idempotency key finds the key the first
     * attempt made instead of making another.
     *
     * @return the key that now signs, or that the first attempt made
     */
    public LabelKey rotate(Actor actor, CarrierId carrier, String idempotencyKey) {
        requireAdminOf(actor, carrier, "rotate");
        String keyId = transaction.execute(status -> {
            stored.lock(carrier);
            Optional<String> earlier = idempotencyKey == null ? Optional.empty() : stored.keyMadeFor(carrier, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ECKey key = newKey(carrier, configured.with(stored.read()));
            stored.add(carrier, key, actor.id(), idempotencyKey);
            stored.announceChange(carrier);
            return key.getKeyID();
        });
        reload();
        log.info("label signing key {} of carrier {} made by rotation", keyId, carrier);
        return keyOf(carrier, keyId);
    }

    /** Labels signed with a retired key no longer verify (LABEL_REVOKED); retiring twice changes nothing. */
    public LabelKey retire(Actor actor, CarrierId carrier, String keyId) {
        requireAdminOf(actor, carrier, "retire");
        boolean retiredNow = Boolean.TRUE.equals(transaction.execute(status -> {
            stored.lock(carrier);
            LabelKeyRing ring = configured.with(stored.read()).ringOf(carrier).orElseThrow();
            if (!ring.keyIds().contains(keyId)) {
                throw new ApiProblem(HttpStatus.NOT_FOUND, "LABEL_KEY_NOT_FOUND",
                        "carrier " + carrier + " has no label signing key " + keyId);
            }
            if (ring.activeKeyId().equals(keyId)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "LABEL_KEY_ACTIVE", "key " + keyId
                        + " signs the carrier's new labels; rotate to a new key first, then retire this one");
            }
            if (ring.isRetired(keyId)) {
                return false;
            }
            stored.retire(carrier, keyId, actor.id());
            stored.announceChange(carrier);
            return true;
        }));
        reload();
        if (retiredNow) {
            log.info("label signing key {} of carrier {} retired", keyId, carrier);
        }
        return keyOf(carrier, keyId);
    }

    private static void requireAdminOf(Actor actor, CarrierId carrier, String change) {
        if (!actor.isCarrierAdminOf(carrier)) {
            throw ApiProblem.forbidden("only an admin of carrier " + carrier + " may " + change + " its label keys");
        }
    }

    /** Key ids are unique across carriers and for good, since a label names its key by id alone. */
    private ECKey newKey(CarrierId carrier, LabelSigningKeys inUse) {
        while (true) {
            ECKey key = LabelKeyRing.generateKey(carrier, random);
            if (inUse.ownerOf(key.getKeyID()).isEmpty()) {
                return key;
            }
        }
    }

    private LabelKey keyOf(CarrierId carrier, String keyId) {
        return describe(carrier, stored.read()).stream().filter(key -> key.keyId().equals(keyId)).findFirst().orElseThrow();
    }

    private List<LabelKey> describe(CarrierId carrier, RotatedLabelKeys rotated) {
        LabelKeyRing ring = configured.with(rotated).ringOf(carrier).orElseThrow();
        Map<String, RotatedLabelKeys.Retirement> retirements = rotated.retirementsOf(carrier).stream()
                .collect(Collectors.toMap(RotatedLabelKeys.Retirement::keyId, Function.identity()));
        List<LabelKey> keys = new ArrayList<>();
        for (String keyId : configured.keyIdsOf(carrier)) {
            keys.add(LabelKey.of(keyId, ring, LabelKey.Origin.CONFIGURED, null, null, retirements.get(keyId)));
        }
        for (RotatedLabelKeys.RotatedKey key : rotated.keysOf(carrier)) {
            keys.add(LabelKey.of(key.keyId(), ring, LabelKey.Origin.ROTATED, key.createdAt(), key.createdBy(),
                    retirements.get(key.keyId())));
        }
        return keys;
    }

    /**
     * One of a carrier's label keys as its admins see it; never its private part.
     *
     * @param createdAt when it was made by rotation, null for a configured key
     * @param retiredAt when it was retired from the console, null otherwise (a key retired in configuration has none)
     */
    public record LabelKey(String keyId, Status status, Origin origin, Instant createdAt, String createdBy,
                           Instant retiredAt, String retiredBy) {

        public enum Status { ACTIVE, VERIFYING, RETIRED }

        public enum Origin { CONFIGURED, ROTATED }

        static LabelKey of(String keyId, LabelKeyRing ring, Origin origin, Instant createdAt, String createdBy,
                           RotatedLabelKeys.Retirement retirement) {
            Status status = ring.activeKeyId().equals(keyId) ? Status.ACTIVE
                    : ring.isRetired(keyId) ? Status.RETIRED : Status.VERIFYING;
            return new LabelKey(keyId, status, origin, createdAt, createdBy,
                    retirement == null ? null : retirement.retiredAt(), retirement == null ? null : retirement.retiredBy());
        }
    }
}
