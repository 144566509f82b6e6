package io.tally.ledger.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache as several instances need it: an aggregate is taken from the cache only while it is at the
 * head of its stream in the event store (one look at the stream's last sequence number, on the unique index).
 * Another instance may have appended meanwhile; the aggregate is then evicted and loaded from the store, so that
 * the command is decided on the newer stream at once. Without the look, the stale append would be refused by the
 * event store's unique key and sent again: correct, but each refused append burns a global index, and gaps pile up
 * in every tracking token for the gap timeout, copied with each event handled; two instances writing in turns left
 * tens of thousands of gaps and ran the processors out of memory.
 */
public final class FreshAggregateCache implements Cache {

    /** The counter of aggregates found behind their stream and evicted. */
    public static final String STALE = "tally.ledger.aggregates.stale";

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final JdbcTemplate jdbc;
    private final Counter stale;

    FreshAggregateCache(Cache delegate, JdbcTemplate jdbc, MeterRegistry meters) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.stale = Counter.builder(STALE)
                .description("Cached aggregates found behind their stream (another instance appended) and evicted")
                .register(meters);
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !atHead(key, entry)) {
            delegate.remove(key);
            stale.increment();
            return null;
        }
        return value;
    }

    private boolean atHead(Object key, AggregateCacheEntry<?> entry) {
        Long head = jdbc.queryForObject(
                "SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                String.valueOf(key));
        return head != null && head.equals(versionOf(entry));
    }

    /** The sequence number of the last event the cached aggregate applied (Axon keeps it, without a getter). */
    static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read a cached aggregate's version", e);
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return delegate.registerCacheEntryListener(listener);
    }
}
