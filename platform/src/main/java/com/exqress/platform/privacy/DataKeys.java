package com.exqress.platform.privacy;

import com.exqress.waybill.api.WaybillId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Each waybill's data key, kept wrapped in the {@code data_key} table. A key is made with the first personal data
 * sealed for its waybill, in the transaction that stores that event, and destroyed on disposal, in the transaction
 * that stores the disposal. Unwrapped keys are cached for reading for a short while; a destruction is announced on
 * {@value #DESTROYED_CHANNEL} when it commits, so every service drops its copy within moments ({@link
 * DataKeyDestructions}), and the expiry bounds how long a copy can outlive a missed announcement.
 */
public class DataKeys {

    static final String DESTROYED_CHANNEL = "data_key_destroyed";
    private static final int MAX_CACHED_KEYS = 10_000;

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;
    private final Cache<WaybillId, Optional<SecretKey>> readable;

    public DataKeys(JdbcTemplate jdbc, MasterKeys masterKeys, Duration cacheTtl) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.readable = Caffeine.newBuilder().maximumSize(MAX_CACHED_KEYS).expireAfterWrite(cacheTtl).build();
    }

    /**
     * The key to seal this waybill's personal data with, made on first use. Never cached: a key made in a
     * transaction that rolls back must not outlive it.
     */
    SecretKey forSealing(WaybillId waybillId) {
        return stored(waybillId)
                .map(key -> key.orElseThrow(() -> new IllegalStateException("the data key of waybill " + waybillId
                        + " was destroyed: no personal data can be recorded for it any more")))
                .orElseGet(() -> create(waybillId));
    }

    /** The key to open this waybill's personal data with, or empty once it was destroyed. */
    Optional<SecretKey> forOpening(WaybillId waybillId) {
        return readable.get(waybillId, id -> stored(id).orElseThrow(() -> new IllegalStateException(
                "waybill " + id + " has sealed personal data but no data key")));
    }

    /** Destroys the waybill's key, if it has one: its personal data can never be read again. */
    public void destroy(WaybillId waybillId) {
        jdbc.update("UPDATE data_key SET wrapped_key = NULL, destroyed_at = now() "
                + "WHERE waybill_id = ? AND wrapped_key IS NOT NULL", waybillId.value());
        jdbc.queryForList("SELECT pg_notify(?, ?)", DESTROYED_CHANNEL, waybillId.toString());
        forget(waybillId);
    }

    /** Drops this service's copy of the waybill's key, if it has one; the next read looks at the table. */
    void forget(WaybillId waybillId) {
        readable.invalidate(waybillId);
    }

    void forgetAll() {
        readable.invalidateAll();
    }

    /** Empty when the waybill has no key row; a row whose key was destroyed is an empty key. */
    private Optional<Optional<SecretKey>> stored(WaybillId waybillId) {
        List<Optional<SecretKey>> rows = jdbc.query("SELECT master_key_id, wrapped_key FROM data_key WHERE waybill_id = ?",
                (row, n) -> {
                    byte[] wrapped = row.getBytes("wrapped_key");
                    return wrapped == null
                            ? Optional.<SecretKey>empty()
                            : Optional.of(masterKeys.unwrap(row.getString("master_key_id"), waybillId, wrapped));
                }, waybillId.value());
        return rows.stream().findFirst();
    }

    private SecretKey create(WaybillId waybillId) {
        SecretKey key = newKey();
        MasterKeys.Wrapped wrapped = masterKeys.wrap(waybillId, key);
        jdbc.update("INSERT INTO data_key (waybill_id, master_key_id, wrapped_key, created_at) VALUES (?, ?, ?, now())",
                waybillId.value(), wrapped.masterKeyId(), wrapped.bytes());
        return key;
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }
}
