package com.exqress.projections.webhook;

import com.exqress.waybill.api.CarrierId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The carriers' webhooks in {@code webhooks.webhook}: registered, listed, enabled again and deleted by admins. */
@Component
public class WebhookRegistry {

    private static final int SECRET_BYTES = 32;
    private static final String SELECT = """
            SELECT w.id, w.url, w.status, w.consecutive_failures, w.last_failure, w.last_failure_at,
                w.last_delivered_at, w.disabled_at, w.created_at,
                (SELECT count(*) FROM webhooks.delivery d WHERE d.webhook_id = w.id AND d.delivered_at IS NULL) AS pending
            FROM webhooks.webhook w
            """;
    private static final RowMapper<Webhook> WEBHOOK = (row, number) -> new Webhook(row.getObject("id", UUID.class),
            row.getString("url"), WebhookStatus.valueOf(row.getString("status")), row.getInt("consecutive_failures"),
            row.getString("last_failure"), instant(row.getTimestamp("last_failure_at")),
            instant(row.getTimestamp("last_delivered_at")), instant(row.getTimestamp("disabled_at")),
            row.getLong("pending"), instant(row.getTimestamp("created_at")));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SecureRandom random;
    private final Clock clock;
    private final WebhookProperties properties;

    public WebhookRegistry(JdbcClient jdbc, TransactionTemplate transaction, SecureRandom random, Clock clock,
                           WebhookProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.random = random;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A new active webhook of {@code carrier}. It gets the carrier's integration events that this service reads
     * from the topic from now on.
     *
     * @throws InvalidWebhookUrlException when the URL may not be used (see {@link WebhookUrls})
     */
    public NewWebhook register(CarrierId carrier, String url) {
        WebhookUrls.check(url, properties.allowPlainHttpToLocalhost());
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        // To the microsecond, as PostgreSQL keeps it, so that this answer and later listings show the same time.
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        NewWebhook webhook = new NewWebhook(UUID.randomUUID(), url, WebhookStatus.ACTIVE, createdAt,
                Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        jdbc.sql("""
                        INSERT INTO webhooks.webhook (id, carrier_id, url, secret, status, consecutive_failures, created_at)
                        VALUES (?, ?, ?, ?, ?, 0, ?)
                        """)
                .params(webhook.id(), carrier.code(), webhook.url(), webhook.secret(), webhook.status().name(),
                        Timestamp.from(webhook.createdAt()))
                .update();
        return webhook;
    }

    /** The carrier's webhooks, oldest first. */
    public List<Webhook> list(CarrierId carrier) {
        return jdbc.sql(SELECT + " WHERE w.carrier_id = ? ORDER BY w.created_at, w.id")
                .param(carrier.code())
                .query(WEBHOOK)
                .list();
    }

    /**
     * Makes the webhook active again, with no failures counted, and its queued deliveries due now: whoever
     * enables it has fixed the receiver, so the back-off they had accumulated no longer applies.
     *
     * @return the webhook, or empty when the carrier has no such webhook
     */
    public Optional<Webhook> enable(CarrierId carrier, UUID id) {
        return transaction.execute(status -> {
            int updated = jdbc.sql("""
                            UPDATE webhooks.webhook SET status = 'ACTIVE', consecutive_failures = 0, disabled_at = NULL
                            WHERE id = ? AND carrier_id = ?
                            """)
                    .params(id, carrier.code())
                    .update();
            if (updated == 0) {
                return Optional.empty();
            }
            jdbc.sql("UPDATE webhooks.delivery SET next_attempt_at = ? WHERE webhook_id = ? AND delivered_at IS NULL")
                    .params(Timestamp.from(clock.instant()), id)
                    .update();
            return Optional.of(find(carrier, id));
        });
    }

    /**
     * Deletes the webhook and every delivery queued for it.
     *
     * @return false when the carrier has no such webhook
     */
    public boolean delete(CarrierId carrier, UUID id) {
        return jdbc.sql("DELETE FROM webhooks.webhook WHERE id = ? AND carrier_id = ?")
                .params(id, carrier.code())
                .update() == 1;
    }

    private Webhook find(CarrierId carrier, UUID id) {
        return jdbc.sql(SELECT + " WHERE w.id = ? AND w.carrier_id = ?")
                .params(id, carrier.code())
                .query(WEBHOOK)
                .single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
