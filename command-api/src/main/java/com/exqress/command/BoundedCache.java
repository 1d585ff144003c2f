package com.exqress.command;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Axon's {@link Cache} over a Caffeine cache bounded by its number of entries. Axon's own in-memory cache holds its
 * entries by weak references, which every garbage collection under load empties (shared/PERFORMANCE.md).
 */
final class BoundedCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedCache(long maximumEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                // Evicts on the writing thread, so the bound holds when put returns.
                .executor(Runnable::run)
                .removalListener((key, value, cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(listener -> listener.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.asMap().put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.asMap().putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.asMap().keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
