package io.tally.ledger.config;

import org.axonframework.common.caching.Cache.EntryListenerAdapter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedAggregateCacheTest {

    @Test
    void keepsTheMostRecentlyUsedUpToItsCapacity() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((String) cache.get("a")).isEqualTo("A");
        cache.put("c", "C");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(expired).containsExactly("b");
    }

    @Test
    void putIfAbsentRemoveAndComputeBehaveAsAxonExpects() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        assertThat(cache.putIfAbsent("k", "first")).isTrue();
        assertThat(cache.putIfAbsent("k", "second")).isFalse();
        assertThat((String) cache.get("k")).isEqualTo("first");
        assertThat(cache.<String>computeIfAbsent("k", () -> "other")).isEqualTo("first");
        assertThat(cache.<String>computeIfAbsent("n", () -> "new")).isEqualTo("new");

        cache.<String>computeIfPresent("k", value -> value + "+");
        assertThat((String) cache.get("k")).isEqualTo("first+");
        cache.<String>computeIfPresent("missing", value -> "never");
        assertThat(cache.containsKey("missing")).isFalse();
        cache.<String>computeIfPresent("k", value -> null);
        assertThat(cache.containsKey("k")).isFalse();

        assertThat(cache.remove("n")).isTrue();
        assertThat(cache.remove("n")).isFalse();
        cache.put("x", "X");
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
