package com.exqress.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;

/**
 * Axon's caching event-sourcing repository, except that a cached aggregate is used only while the store holds no
 * event of it beyond the cached version: one indexed look-up of the last sequence number instead of reading and
 * deserializing the whole history. Another writer (a second replica of the command service) may have appended
 * since the aggregate was cached; deciding on the stale state would refuse a legitimate command, which the store's
 * unique aggregate-sequence key cannot catch, as it catches a stale acceptance. An append racing this check still
 * meets that key, and Axon drops the cached aggregate when the unit of work rolls back.
 */
final class CheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    /** @param builder a builder whose event store and cache are {@code eventStore} and {@code cache} */
    CheckedCachingRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && !Objects.equals(aggregate.version(), eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null))) {
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}
