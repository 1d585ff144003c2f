package com.exqress.command.label;

import com.exqress.platform.privacy.MasterKeys;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.nimbusds.jose.jwk.ECKey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The label keys rotated and retired from the console, in {@code label_signing_key} and {@code
 * label_key_retirement}. A private key is stored sealed by the active master key, for its own key id only. Every
 * change is announced on {@value #CHANGED_CHANNEL} when it commits, so every service takes it up ({@link
 * LabelKeyChanges}).
 */
class StoredLabelKeys {

    static final String CHANGED_CHANNEL = "label_keys_changed";

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;

    StoredLabelKeys(JdbcTemplate jdbc, MasterKeys masterKeys) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
    }

    RotatedLabelKeys read() {
        List<RotatedLabelKeys.RotatedKey> keys = jdbc.query("SELECT key_id, carrier_id, master_key_id, sealed_key, "
                + "created_at, created_by FROM label_signing_key ORDER BY rotation", (row, n) -> rotatedKey(row));
        List<RotatedLabelKeys.Retirement> retirements = jdbc.query("SELECT key_id, carrier_id, retired_at, retired_by "
                + "FROM label_key_retirement", (row, n) -> new RotatedLabelKeys.Retirement(row.getString("key_id"),
                new CarrierId(row.getString("carrier_id")), instant(row, "retired_at"), row.getString("retired_by")));
        return new RotatedLabelKeys(keys, retirements);
    }

    /** Holds until the transaction ends, so one carrier's rotations and retirements happen one after another. */
    void lock(CarrierId carrier) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "exqress label keys " + carrier.code());
    }

    /** The key an earlier rotation with this Idempotency-Key made. */
    Optional<String> keyMadeFor(CarrierId carrier, String idempotencyKey) {
        return jdbc.queryForList("SELECT key_id FROM label_signing_key WHERE carrier_id = ? AND idempotency_key = ?",
                String.class, carrier.code(), idempotencyKey).stream().findFirst();
    }

    void add(CarrierId carrier, ECKey key, ActorId by, String idempotencyKey) {
        byte[] json = key.toJSONString().getBytes(StandardCharsets.UTF_8);
        MasterKeys.Wrapped sealed = masterKeys.seal(purpose(key.getKeyID()), json);
        Arrays.fill(json, (byte) 0);
        jdbc.update("INSERT INTO label_signing_key (key_id, carrier_id, master_key_id, sealed_key, created_at, "
                        + "created_by, idempotency_key) VALUES (?, ?, ?, ?, now(), ?, ?)",
                key.getKeyID(), carrier.code(), sealed.masterKeyId(), sealed.bytes(), by.value(), idempotencyKey);
    }

    void retire(CarrierId carrier, String keyId, ActorId by) {
        jdbc.update("INSERT INTO label_key_retirement (key_id, carrier_id, retired_at, retired_by) VALUES (?, ?, now(), ?)",
                keyId, carrier.code(), by.value());
    }

    /** Delivered to every listener once the transaction commits, and never if it rolls back. */
    void announceChange(CarrierId carrier) {
        jdbc.queryForList("SELECT pg_notify(?, ?)", CHANGED_CHANNEL, carrier.code());
    }

    private RotatedLabelKeys.RotatedKey rotatedKey(ResultSet row) throws SQLException {
        String keyId = row.getString("key_id");
        byte[] json = masterKeys.open(row.getString("master_key_id"), purpose(keyId), row.getBytes("sealed_key"));
        try {
            ECKey key = ECKey.parse(new String(json, StandardCharsets.UTF_8));
            if (!keyId.equals(key.getKeyID())) {
                throw new IllegalStateException("the stored label key " + keyId + " holds another key id");
            }
            return new RotatedLabelKeys.RotatedKey(key, new CarrierId(row.getString("carrier_id")),
                    instant(row, "created_at"), row.getString("created_by"));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored label key " + keyId + " is not a valid JWK", e);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** A sealed key opens only as the key it was stored as. */
    private static String purpose(String keyId) {
        return "label signing key " + keyId;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
