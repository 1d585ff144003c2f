package com.exqress.command;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedCacheTest {

    @Test
    void keepsNoMoreThanItsBound() {
        BoundedCache cache = new BoundedCache(100);
        for (int i = 0; i < 10_000; i++) {
            cache.put("waybill-" + i, i);
        }

        long kept = IntStream.range(0, 10_000).filter(i -> cache.containsKey("waybill-" + i)).count();

        assertThat(kept).isEqualTo(100);
    }

    @Test
    void tellsItsListenersWhatChanged() {
        BoundedCache cache = new BoundedCache(100);
        List<String> heard = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key + "=" + value);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key + "=" + value);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key + "=" + value);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        registration.cancel();
        cache.put("b", 1);

        assertThat(heard).containsExactly("created a=1", "updated a=2", "read a=2", "removed a");
    }
}
