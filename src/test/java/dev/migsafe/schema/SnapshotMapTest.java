package dev.migsafe.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SnapshotMap behaves as a LinkedHashMap, and a copy is independent of the map it came from. */
class SnapshotMapTest {

    @Test
    void keepsInsertionOrderLikeALinkedHashMap() {
        SnapshotMap<String, Integer> map = new SnapshotMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Map<String, Integer> m : List.of(map, expected)) {
            m.put("b", 1);
            m.put("a", 2);
            m.put("c", 3);
            m.put("b", 4); // a key already there keeps its place
            m.remove("a");
            m.putIfAbsent("a", 5);
            m.computeIfAbsent("d", k -> 6);
        }
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(map.entrySet()));
        assertEquals(expected, map);
    }

    @Test
    void aCopyAndItsOriginalChangeApart() {
        SnapshotMap<String, Integer> original = new SnapshotMap<>();
        original.put("t1", 1);
        original.put("t2", 2);
        SnapshotMap<String, Integer> copy = original.copy();

        copy.put("t3", 3);
        copy.values().removeIf(v -> v == 1);
        original.replaceAll((k, v) -> v * 10);

        assertEquals(Map.of("t2", 2, "t3", 3), copy);
        assertEquals(Map.of("t1", 10, "t2", 20), original);
        assertNull(original.get("t3"));
    }

    @Test
    void entriesWriteThroughAndIteratorsSeeTheVersionTheyStartedOn() {
        SnapshotMap<String, Integer> map = new SnapshotMap<>();
        map.put("a", 1);
        map.put("b", 2);
        for (Map.Entry<String, Integer> e : map.entrySet()) {
            e.setValue(e.getValue() + 100);
            if (e.getKey().equals("a")) {
                map.remove("b"); // changing the map while iterating does not disturb the iteration
            }
        }
        assertEquals(Map.of("a", 101, "b", 102), map, "b was written back after its removal");
    }

    @Test
    void theIndexFollowsEveryChangeAndTheChangedKeysAreThoseWrittenSinceACopy() {
        SnapshotMap<String, String> byInitial = new SnapshotMap<>(v -> v.substring(0, 1));
        byInitial.put("1", "apple");
        byInitial.put("2", "avocado");
        byInitial.put("3", "banana");
        SnapshotMap<String, String> before = byInitial.copy();
        byInitial.put("2", "blueberry");
        byInitial.remove("3");
        SnapshotMap<String, String> after = byInitial.copy();
        after.put("4", "apricot");

        assertEquals(java.util.Set.of("1", "4"), after.keysOf("a"));
        assertEquals(java.util.Set.of("2"), after.keysOf("b"));
        assertEquals(java.util.Set.of("1", "2"), before.keysOf("a"), "a copy keeps its own index");
        assertEquals(java.util.Set.of("2", "3", "4"), after.changedSince(before));
        assertEquals(java.util.Set.of(), before.changedSince(before.copy()));
        before.put("5", "cherry"); // before is no longer the version after was copied from
        assertNull(after.changedSince(before));
    }
}
