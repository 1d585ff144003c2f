package com.exqress.projections.relay;

import com.exqress.waybill.tracking.ParcelProgress;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every waybill event as a {@link WaybillIntegrationEvent}, keyed by waybill id so that one parcel's
 * events stay in order on one partition. The processor handles events in batches, one transaction each; every
 * record of a batch is sent at once, and the batch commits (and its token moves) only once the broker has
 * acknowledged all of them, so the token never moves past an event Kafka does not have. Waiting for each record
 * in turn held the relay to a few dozen events a second. When Kafka is down the batch fails, the processor
 * retries from its token (see {@link KafkaRelayConfiguration}), and consumers see some events twice.
 */
@Component
@ProcessingGroup(WaybillEventRelay.PROCESSING_GROUP)
public class WaybillEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

    /** Longer than the producer's delivery timeout, so the producer reports a failure before we stop waiting. */
    private static final Duration ACKNOWLEDGEMENT_WAIT = KafkaRelayConfiguration.DELIVERY_TIMEOUT.plusSeconds(1);

    /** Its own mapper: the published form must not change with the web API's JSON settings. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final RelayProgressStore store;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;

    public WaybillEventRelay(RelayProgressStore store, KafkaTemplate<String, String> kafka, RelayProperties properties) {
        this.store = store;
        this.kafka = kafka;
        this.topic = properties.topic();
    }

    @EventHandler
    public void on(WaybillEvent event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        Optional<RelayProgressStore.Relayed> relayed = store.find(event.waybillId());
        if (relayed.isPresent() && sequence <= relayed.get().lastSequence()) {
            // A replay, or a redelivery after the transaction that published it committed: already on the topic.
            return;
        }
        ParcelProgress progress = event instanceof WaybillCreated created
                ? ParcelProgress.start(created)
                : relayed.orElseThrow(() -> missingStart(event, sequence)).progress().next(event);
        store.save(progress, sequence);
        publish(WaybillIntegrationEvent.of(event, message.getIdentifier(), sequence, progress));
    }

    /** Fails loudly: publishing a status folded from half a history would tell carriers something false. */
    private static IllegalStateException missingStart(WaybillEvent event, long sequence) {
        return new IllegalStateException("no relayed progress for waybill " + event.waybillId() + " before its event #"
                + sequence + ": the relay must start from the beginning of the event stream");
    }

    private void publish(WaybillIntegrationEvent integrationEvent) {
        CompletableFuture<?> sent = kafka.send(topic, integrationEvent.waybillId().toString(), json(integrationEvent));
        // A send that failed at once (no broker to ask for the topic's metadata) fails the batch now, rather than
        // after each later record of it has waited for that metadata in turn.
        if (sent.isDone() || !CurrentUnitOfWork.isStarted()) {
            awaitAcknowledgement(sent, integrationEvent);
        } else {
            CurrentUnitOfWork.get().onPrepareCommit(batch -> awaitAcknowledgement(sent, integrationEvent));
        }
    }

    private static String json(WaybillIntegrationEvent integrationEvent) {
        try {
            return JSON.writeValueAsString(integrationEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + integrationEvent.eventId() + " as JSON", e);
        }
    }

    private static void awaitAcknowledgement(CompletableFuture<?> sent, WaybillIntegrationEvent integrationEvent) {
        try {
            sent.get(ACKNOWLEDGEMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing event " + integrationEvent.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge event " + integrationEvent.eventId(), e);
        }
    }
}
