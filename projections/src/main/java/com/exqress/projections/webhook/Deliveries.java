package com.exqress.projections.webhook;

import com.exqress.waybill.api.CarrierId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue of deliveries in {@code webhooks.delivery}: filled from the topic, emptied by the dispatchers of every
 * projections replica. A dispatcher claims due deliveries by pushing their next attempt past the time it needs to
 * send them, so the others skip them, and a claim that a crashed replica leaves behind simply expires.
 */
@Component
class Deliveries {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Deliveries(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Queues the event for every active webhook of its carrier, due at once. An event already queued for a
     * webhook, delivered or not, is not queued again.
     *
     * @return how many deliveries were queued
     */
    int enqueue(String eventId, CarrierId carrier, String body, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhooks.delivery (webhook_id, event_id, body, attempts, next_attempt_at, created_at)
                        SELECT id, :eventId, :body, 0, :now, :now
                        FROM webhooks.webhook WHERE carrier_id = :carrier AND status = 'ACTIVE'
                        ON CONFLICT (webhook_id, event_id) DO NOTHING
                        """)
                .param("eventId", eventId)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .param("carrier", carrier.code())
                .update();
    }

    /**
     * Claims up to {@code max} deliveries of active webhooks that are due at {@code now}, and makes them due
     * again at {@code claimUntil} in case they are never reported back. Rows another dispatcher is claiming at
     * the same moment are skipped, not waited for.
     *
     * @return the claimed deliveries in the order they were queued
     */
    List<Delivery> claimDue(int max, Instant now, Instant claimUntil) {
        return jdbc.sql("""
                        WITH claimed AS (
                            UPDATE webhooks.delivery d SET next_attempt_at = :claimUntil
                            FROM webhooks.webhook w
                            WHERE w.id = d.webhook_id AND (d.webhook_id, d.event_id) IN (
                                SELECT due.webhook_id, due.event_id
                                FROM webhooks.delivery due JOIN webhooks.webhook hook ON hook.id = due.webhook_id
                                WHERE due.delivered_at IS NULL AND due.next_attempt_at <= :now AND hook.status = 'ACTIVE'
                                ORDER BY due.next_attempt_at
                                LIMIT :max
                                FOR UPDATE OF due SKIP LOCKED)
                            RETURNING d.webhook_id, d.event_id, d.body, d.attempts, d.created_at, w.url, w.secret)
                        SELECT * FROM claimed ORDER BY created_at
                        """)
                .param("claimUntil", Timestamp.from(claimUntil))
                .param("now", Timestamp.from(now))
                .param("max", max)
                .query((row, number) -> new Delivery(row.getObject("webhook_id", UUID.class), row.getString("event_id"),
                        row.getString("body"), row.getInt("attempts"), row.getString("url"), row.getString("secret")))
                .list();
    }

    /** The receiver accepted it: the webhook's run of failures ends. */
    void delivered(Delivery delivery, Instant at) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            UPDATE webhooks.delivery SET attempts = attempts + 1, delivered_at = ?
                            WHERE webhook_id = ? AND event_id = ?
                            """)
                    .params(Timestamp.from(at), delivery.webhookId(), delivery.eventId())
                    .update();
            jdbc.sql("UPDATE webhooks.webhook SET consecutive_failures = 0, last_delivered_at = ? WHERE id = ?")
                    .params(Timestamp.from(at), delivery.webhookId())
                    .update();
        });
    }

    /**
     * The attempt failed: the delivery waits until {@code nextAttempt}, and the webhook counts one more failure in
     * a row, which disables it once there are {@code disableAfter}.
     *
     * @return whether this failure disabled the webhook
     */
    boolean failed(Delivery delivery, String failure, Instant at, Instant nextAttempt, int disableAfter) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.sql("""
                            UPDATE webhooks.delivery SET attempts = attempts + 1, next_attempt_at = ?
                            WHERE webhook_id = ? AND event_id = ?
                            """)
                    .params(Timestamp.from(nextAttempt), delivery.webhookId(), delivery.eventId())
                    .update();
            // Deleted while this attempt was under way: nothing left to count.
            Optional<Integer> failures = jdbc.sql("""
                            UPDATE webhooks.webhook SET consecutive_failures = consecutive_failures + 1, last_failure = ?,
                                last_failure_at = ?
                            WHERE id = ?
                            RETURNING consecutive_failures
                            """)
                    .params(failure, Timestamp.from(at), delivery.webhookId())
                    .query(Integer.class)
                    .optional();
            if (failures.isEmpty() || failures.get() < disableAfter) {
                return false;
            }
            return jdbc.sql("UPDATE webhooks.webhook SET status = 'DISABLED', disabled_at = ? WHERE id = ? AND status = 'ACTIVE'")
                    .params(Timestamp.from(at), delivery.webhookId())
                    .update() == 1;
        }));
    }
}
