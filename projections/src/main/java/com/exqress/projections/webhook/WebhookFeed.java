package com.exqress.projections.webhook;

import com.exqress.waybill.api.CarrierId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Reads each integration event from the topic and queues it for the active webhooks of its carrier. The queueing
 * is one statement, committed before this returns, and the container commits the record's offset only after
 * that: a record is queued at least once, and the queue's key makes a second time change nothing.
 */
@Component
class WebhookFeed implements MessageListener<String, String> {

    private static final Logger log = LoggerFactory.getLogger(WebhookFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deliveries deliveries;
    private final Clock clock;

    WebhookFeed(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        // Only the two fields needed are read, so that a value added to the schema later (new types, statuses)
        // cannot stop an older replica from queueing the event.
        JsonNode event = parse(record.value());
        String eventId = event.path("eventId").textValue();
        String carrier = event.path("carrier").textValue();
        if (eventId == null || !CarrierId.isWellFormed(carrier)) {
            // Where it is, not what it says: the log is no place for a record's content.
            log.warn("skipped the record at {}-{}@{}: not an integration event", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        deliveries.enqueue(eventId, new CarrierId(carrier), record.value(), clock.instant());
    }

    /** The record's JSON, or an empty node when it has none. */
    private static JsonNode parse(String value) {
        if (value == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }
}
