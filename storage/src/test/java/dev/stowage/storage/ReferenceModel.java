package dev.stowage.storage;

import dev.stowage.storage.StorageChange.ValueChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trivially correct model of the storage rules: deep copies everywhere, no sharing, no caching.
 * {@link StorageModelTest} runs the same random operations on it and on the real service.
 */
final class ReferenceModel {
    /** One namespace: its state and, per storage key, its items in order. */
    static final class Ns {
        SessionNamespace.State state = SessionNamespace.State.ACTIVE;
        final Map<StorageKey, LinkedHashMap<String, String>> areas = new LinkedHashMap<>();

        Ns deepCopy() {
            Ns copy = new Ns();
            areas.forEach((o, items) -> copy.areas.put(o, new LinkedHashMap<>(items)));
            return copy;
        }
    }

    /** What an operation did: the event it should report, or that it must throw. */
    record Outcome(boolean quotaExceeded, StorageChange expected) {
        static final Outcome NOTHING = new Outcome(false, null);
    }

    final long quota;
    final Map<String, Ns> namespaces = new LinkedHashMap<>();

    ReferenceModel(long quota) {
        this.quota = quota;
    }

    static long bytes(Map<String, String> items) {
        long total = 0;
        for (Map.Entry<String, String> e : items.entrySet()) {
            total += 2L * (e.getKey().length() + e.getValue().length());
        }
        return total;
    }

    // An area enters a namespace's table (and so the order clearOrigin walks) at its first applied write,
    // never on a no-op or refused one: the model must add keys exactly then.
    private static LinkedHashMap<String, String> itemsOf(Ns ns, StorageKey key) {
        LinkedHashMap<String, String> items = ns.areas.get(key);
        return items == null ? new LinkedHashMap<>() : items;
    }

    Outcome set(String id, StorageKey key, Map<String, String> batch, ChangeSource source) {
        Ns ns = namespaces.get(id);
        LinkedHashMap<String, String> items = itemsOf(ns, key);
        LinkedHashMap<String, String> after = new LinkedHashMap<>(items);
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        batch.forEach((k, v) -> {
            String old = after.get(k);
            if (!v.equals(old)) {
                changes.put(k, new ValueChange(old, v));
                after.put(k, v);
            }
        });
        if (changes.isEmpty()) {
            return Outcome.NOTHING;
        }
        long newBytes = bytes(after);
        if (newBytes > quota && newBytes > bytes(items)) {
            return new Outcome(true, null);
        }
        ns.areas.put(key, after);
        return new Outcome(false, new StorageChange(id, key, source, false, changes));
    }

    Outcome remove(String id, StorageKey key, List<String> keys, ChangeSource source) {
        LinkedHashMap<String, String> items = itemsOf(namespaces.get(id), key);
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        for (String k : keys) {
            String old = items.remove(k);
            if (old != null) {
                changes.put(k, new ValueChange(old, null));
            }
        }
        return changes.isEmpty() ? Outcome.NOTHING : new Outcome(false, new StorageChange(id, key, source, false, changes));
    }

    Outcome clear(String id, StorageKey key, ChangeSource source) {
        LinkedHashMap<String, String> items = itemsOf(namespaces.get(id), key);
        if (items.isEmpty()) {
            return Outcome.NOTHING;
        }
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        items.forEach((k, v) -> changes.put(k, new ValueChange(v, null)));
        items.clear();
        return new Outcome(false, new StorageChange(id, key, source, true, changes));
    }

    /** Every partition of {@code origin}, in each namespace, in the order its keys were first written. */
    List<StorageChange> clearOrigin(Origin origin) {
        List<StorageChange> events = new ArrayList<>();
        namespaces.forEach((id, ns) -> ns.areas.forEach((key, items) -> {
            if (key.origin().equals(origin) && !items.isEmpty()) {
                Map<String, ValueChange> changes = new LinkedHashMap<>();
                items.forEach((k, v) -> changes.put(k, new ValueChange(v, null)));
                items.clear();
                events.add(new StorageChange(id, key, ChangeSource.NONE, true, changes));
            }
        }));
        return events;
    }

    void scavenge(Set<String> referenced) {
        namespaces.entrySet().removeIf(e ->
                e.getValue().state == SessionNamespace.State.PERSISTED && !referenced.contains(e.getKey()));
    }
}
