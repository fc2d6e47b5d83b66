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
    /** One namespace: its state and, per origin, its items in order. */
    static final class Ns {
        SessionNamespace.State state = SessionNamespace.State.ACTIVE;
        final Map<Origin, LinkedHashMap<String, String>> areas = new LinkedHashMap<>();

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

    Outcome set(String id, Origin origin, Map<String, String> batch, ChangeSource source) {
        LinkedHashMap<String, String> items = namespaces.get(id).areas.computeIfAbsent(origin, o -> new LinkedHashMap<>());
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
        items.clear();
        items.putAll(after);
        return new Outcome(false, new StorageChange(id, origin, source, false, changes));
    }

    Outcome remove(String id, Origin origin, List<String> keys, ChangeSource source) {
        LinkedHashMap<String, String> items = namespaces.get(id).areas.computeIfAbsent(origin, o -> new LinkedHashMap<>());
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        for (String k : keys) {
            String old = items.remove(k);
            if (old != null) {
                changes.put(k, new ValueChange(old, null));
            }
        }
        return changes.isEmpty() ? Outcome.NOTHING : new Outcome(false, new StorageChange(id, origin, source, false, changes));
    }

    Outcome clear(String id, Origin origin, ChangeSource source) {
        LinkedHashMap<String, String> items = namespaces.get(id).areas.computeIfAbsent(origin, o -> new LinkedHashMap<>());
        if (items.isEmpty()) {
            return Outcome.NOTHING;
        }
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        items.forEach((k, v) -> changes.put(k, new ValueChange(v, null)));
        items.clear();
        return new Outcome(false, new StorageChange(id, origin, source, true, changes));
    }

    List<StorageChange> clearOrigin(Origin origin) {
        List<StorageChange> events = new ArrayList<>();
        namespaces.forEach((id, ns) -> {
            LinkedHashMap<String, String> items = ns.areas.get(origin);
            if (items != null && !items.isEmpty()) {
                Map<String, ValueChange> changes = new LinkedHashMap<>();
                items.forEach((k, v) -> changes.put(k, new ValueChange(v, null)));
                items.clear();
                events.add(new StorageChange(id, origin, ChangeSource.NONE, true, changes));
            }
        });
        return events;
    }

    void scavenge(Set<String> referenced) {
        namespaces.entrySet().removeIf(e ->
                e.getValue().state == SessionNamespace.State.PERSISTED && !referenced.contains(e.getKey()));
    }
}
