package dev.migsafe.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.OrderedPMap;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * A mutable map in insertion order, like {@link java.util.LinkedHashMap}, whose {@link #copy()} costs
 * nothing: it holds a persistent map (pcollections), so a change makes a new version that shares
 * all but a few nodes with the old one. The analysis keeps a snapshot of the schema around every
 * migration; copying every name each time, and comparing every name to check a down, made a
 * history of N migrations cost N² (10,000 migrations with downs: 75 s).
 *
 * <p>It also remembers which keys changed since the last few copies ({@link #changedSince}), so a
 * comparison with a recent snapshot looks at those keys only, and it may keep an index of its
 * values by one of their properties ({@link #keysOf}). Values may not be null.
 */
final class SnapshotMap<K, V> extends AbstractMap<K, V> {

    /** How many copies back {@link #changedSince} can see; older history is let go. */
    private static final int REMEMBERED_COPIES = 4;

    /** A version this map passed at a copy, and the keys changed between the version before it and this one. */
    private record Version<K, V>(OrderedPMap<K, V> entries, PSet<K> changedFromPrevious, Version<K, V> previous, int depth) {
    }

    private final Function<V, Object> indexBy;
    private OrderedPMap<K, V> map;
    private PMap<Object, PSet<K>> index;
    /** The version at this map's last copy, and the keys changed since (null: unknown, after a clear). */
    private Version<K, V> copiedAt;
    private PSet<K> changed = HashTreePSet.empty();

    SnapshotMap() {
        this(null);
    }

    /** @param indexBy the property of a value to find its keys by ({@link #keysOf}), or null for no index */
    SnapshotMap(Function<V, Object> indexBy) {
        this(indexBy, OrderedPMap.empty(), HashTreePMap.empty(), null);
    }

    private SnapshotMap(Function<V, Object> indexBy, OrderedPMap<K, V> map, PMap<Object, PSet<K>> index, Version<K, V> copiedAt) {
        this.indexBy = indexBy;
        this.map = map;
        this.index = index;
        this.copiedAt = copiedAt;
    }

    /** An independent map with the same entries: changes to either are not seen by the other. */
    SnapshotMap<K, V> copy() {
        Version<K, V> previous = copiedAt == null || copiedAt.depth() >= REMEMBERED_COPIES ? null : copiedAt;
        Version<K, V> now = changed == null ? new Version<>(map, HashTreePSet.empty(), null, 0)
                : new Version<>(map, changed, previous, previous == null ? 1 : previous.depth() + 1);
        copiedAt = now;
        changed = HashTreePSet.empty();
        return new SnapshotMap<>(indexBy, map, index, now);
    }

    /**
     * The keys whose entries may differ between this map and {@code other}, when {@code other} is as
     * it was at one of this map's last few copies; null when that is not known (compare them all).
     */
    Set<K> changedSince(SnapshotMap<K, V> other) {
        PSet<K> keys = changed;
        for (Version<K, V> v = copiedAt; v != null && keys != null; v = v.previous()) {
            if (v.entries() == other.map) {
                return keys;
            }
            keys = keys.plusAll(v.changedFromPrevious());
        }
        return null;
    }

    /** The keys of the values whose indexed property is {@code property} (a snapshot: safe to change the map while iterating). */
    Set<K> keysOf(Object property) {
        PSet<K> keys = property == null ? null : index.get(property);
        return keys == null ? Set.of() : keys;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return map.get(key) != null; // OrderedPMap leaves containsKey to AbstractMap, which walks every entry
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(value);
        V old = map.get(key);
        map = map.plus(key, value); // a key already there keeps its place, as in a LinkedHashMap
        indexChange(key, old, value);
        return old;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        V old = map.get(key);
        if (old != null) {
            map = map.minus(key);
            indexChange((K) key, old, null);
        }
        return old;
    }

    @Override
    public void clear() {
        map = OrderedPMap.empty();
        index = HashTreePMap.empty();
        changed = null;
    }

    /** Writes only the entries whose value changes, so a pass that changes nothing allocates nothing. */
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        for (Map.Entry<K, V> e : map.entrySet()) {
            V value = function.apply(e.getKey(), e.getValue());
            if (value != e.getValue()) {
                put(e.getKey(), value);
            }
        }
    }

    private void indexChange(K key, V old, V value) {
        if (changed != null) {
            changed = changed.plus(key);
        }
        if (indexBy == null) {
            return;
        }
        Object oldProperty = old == null ? null : indexBy.apply(old);
        if (oldProperty != null) {
            PSet<K> keys = index.get(oldProperty).minus(key);
            index = keys.isEmpty() ? index.minus(oldProperty) : index.plus(oldProperty, keys);
        }
        Object property = value == null ? null : indexBy.apply(value); // a value without the property is not indexed
        if (property != null) {
            index = index.plus(property, keysOf(property) instanceof PSet<K> keys ? keys.plus(key) : HashTreePSet.singleton(key));
        }
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return map.size();
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Map.Entry<K, V>> version = map.entrySet().iterator(); // this version, whatever changes after
                return new Iterator<>() {
                    private Map.Entry<K, V> last;

                    @Override
                    public boolean hasNext() {
                        return version.hasNext();
                    }

                    @Override
                    public Map.Entry<K, V> next() {
                        Map.Entry<K, V> e = version.next();
                        last = e;
                        return new SimpleEntry<>(e) {
                            @Override
                            public V setValue(V value) {
                                put(e.getKey(), value);
                                return super.setValue(value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        SnapshotMap.this.remove(last.getKey());
                        last = null;
                    }
                };
            }
        };
    }
}
