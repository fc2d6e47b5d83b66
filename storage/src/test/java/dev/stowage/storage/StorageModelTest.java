package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of random operation sequences, each run on the real service and on {@link ReferenceModel},
 * compared after every step: contents, order, bytes, states, {@code key(i)}, the areas' keys in order and
 * the exact change events (which name the storage key). The keys mix first-party areas with cross-site
 * frames' partitions of the same origins, so a write, quota or {@code clearOrigin} that crosses partitions fails.
 * Each sequence has a fixed seed, shown in the test name, so a failure reproduces.
 */
class StorageModelTest {
    private static final int SEQUENCES = 2000;
    private static final int STEPS = 60;
    private static final long QUOTA = 120;
    private static final Origin A = Origin.of("https://a.com");
    private static final Origin A_HTTP = Origin.of("http://a.com");
    private static final Origin IP = Origin.of("http://127.0.0.1:8080");
    private static final Origin WWW_A = Origin.of("https://www.a.com");
    private static final List<Origin> ORIGINS = List.of(A, A_HTTP, IP, WWW_A);
    /** First-party areas and, for the same origins, partitions under other top-level sites. */
    private static final List<StorageKey> KEYS = List.of(
            StorageKey.firstParty(A), StorageKey.firstParty(A_HTTP), StorageKey.firstParty(IP),
            new StorageKey(IP, Site.of(A)), // a frame of the IP address in a page of a.com
            new StorageKey(A, Site.of(IP)), // and the other way round
            new StorageKey(A, Site.of(A_HTTP)), // the scheme makes http://a.com another site
            new StorageKey(WWW_A, Site.of(A))); // same-site frame: the same key as WWW_A's first-party one
    private static final String[] SPECIAL_KEYS = {"", "\uD800", "\uDC00x", "__proto__", "\0", "length", "constructor", "k"};

    static Stream<Long> seeds() {
        return IntStream.range(0, SEQUENCES).mapToObj(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void behavesLikeTheReferenceModel(long seed) {
        new Run(seed).go();
    }

    private static final class Run {
        final Random rnd;
        final long seed;
        final SessionStorageService service = new SessionStorageService(QUOTA);
        final ReferenceModel model = new ReferenceModel(QUOTA);
        final List<StorageChange> events = new ArrayList<>();
        final List<String> knownIds = new ArrayList<>();
        final List<Map.Entry<NamespaceSnapshot, Map<StorageKey, Map<String, String>>>> snapshots = new ArrayList<>();

        Run(long seed) {
            this.seed = seed;
            this.rnd = new Random(seed);
            service.addChangeListener(events::add);
        }

        void go() {
            create();
            for (int step = 0; step < STEPS; step++) {
                String op = step(step);
                try {
                    compare();
                } catch (AssertionError e) {
                    fail("seed " + seed + ", step " + step + " (" + op + "): " + e.getMessage(), e);
                }
            }
            for (var s : snapshots) {
                Map<StorageKey, Map<String, String>> actual = new LinkedHashMap<>();
                s.getKey().areas().forEach((o, a) -> actual.put(o, new LinkedHashMap<>(a.items())));
                assertEquals(s.getValue(), actual, "seed " + seed + ": a snapshot changed after it was taken");
            }
        }

        String step(int step) {
            List<String> active = idsIn(SessionNamespace.State.ACTIVE);
            if (active.isEmpty()) {
                create();
                return "create";
            }
            String id = active.get(rnd.nextInt(active.size()));
            StorageKey origin = KEYS.get(rnd.nextInt(KEYS.size()));
            ChangeSource source = ChangeSource.named("s" + step);
            SessionNamespace live = service.namespace(id).orElseThrow();
            // The first-party shorthand must reach the very same area as its key.
            StorageArea area = origin.isFirstParty() && rnd.nextBoolean() ? live.area(origin.origin()) : live.area(origin);
            int dice = rnd.nextInt(100);
            if (dice < 35) {
                String k = key();
                String v = value();
                expect(model.set(id, origin, Map.of(k, v), source), () -> area.set(k, v, source));
                return "set";
            } else if (dice < 45) {
                Map<String, String> batch = new LinkedHashMap<>();
                for (int i = rnd.nextInt(4); i >= 0; i--) {
                    batch.put(key(), value());
                }
                expect(model.set(id, origin, batch, source), () -> area.set(batch, source));
                return "batch set";
            } else if (dice < 58) {
                String k = key();
                expect(model.remove(id, origin, List.of(k), source), () -> area.remove(k, source));
                return "remove";
            } else if (dice < 62) {
                List<String> keys = List.of(key(), key());
                expect(model.remove(id, origin, keys, source), () -> area.remove(keys, source));
                return "batch remove";
            } else if (dice < 67) {
                expect(model.clear(id, origin, source), () -> area.clear(source));
                return "clear";
            } else if (dice < 75) {
                String copy = service.cloneNamespace(id).id();
                model.namespaces.put(copy, model.namespaces.get(id).deepCopy());
                knownIds.add(copy);
                return "clone";
            } else if (dice < 80) {
                boolean persist = rnd.nextBoolean();
                service.deleteNamespace(id, persist);
                if (persist) {
                    model.namespaces.get(id).state = SessionNamespace.State.PERSISTED;
                } else {
                    model.namespaces.remove(id);
                }
                return "delete persist=" + persist;
            } else if (dice < 84) {
                List<String> persisted = idsIn(SessionNamespace.State.PERSISTED);
                if (!persisted.isEmpty()) {
                    String back = persisted.get(rnd.nextInt(persisted.size()));
                    service.reattachNamespace(back);
                    model.namespaces.get(back).state = SessionNamespace.State.ACTIVE;
                }
                return "reattach";
            } else if (dice < 88) {
                Set<String> referenced = new HashSet<>();
                for (String known : knownIds) {
                    if (rnd.nextBoolean()) {
                        referenced.add(known);
                    }
                }
                service.scavenge(referenced);
                model.scavenge(referenced);
                return "scavenge";
            } else if (dice < 90) {
                events.clear();
                Origin cleared = ORIGINS.get(rnd.nextInt(ORIGINS.size()));
                List<StorageChange> expected = model.clearOrigin(cleared);
                service.clearOrigin(cleared);
                assertEquals(expected, events, "clearOrigin events");
                events.clear();
                return "clearOrigin";
            } else if (dice < 95) {
                Map<StorageKey, Map<String, String>> expected = new LinkedHashMap<>();
                model.namespaces.get(id).areas.forEach((o, items) -> {
                    if (!items.isEmpty()) {
                        expected.put(o, new LinkedHashMap<>(items));
                    }
                });
                snapshots.add(Map.entry(service.namespace(id).orElseThrow().snapshot(), expected));
                return "snapshot";
            } else {
                create();
                return "create";
            }
        }

        void create() {
            String id = service.createNamespace().id();
            model.namespaces.put(id, new ReferenceModel.Ns());
            knownIds.add(id);
        }

        void expect(ReferenceModel.Outcome outcome, Runnable op) {
            events.clear();
            if (outcome.quotaExceeded()) {
                assertThrows(QuotaExceededException.class, op::run, "seed " + seed);
                assertTrue(events.isEmpty(), "seed " + seed + ": a refused write reported a change");
                return;
            }
            op.run();
            assertEquals(outcome.expected() == null ? List.of() : List.of(outcome.expected()), events, "seed " + seed);
            events.clear();
        }

        void compare() {
            assertEquals(model.namespaces.keySet(), service.namespaceIds(), "namespace ids");
            model.namespaces.forEach((id, expected) -> {
                SessionNamespace ns = service.namespace(id).orElseThrow();
                assertEquals(expected.state, ns.state(), "state of " + id);
                assertEquals(List.copyOf(expected.areas.keySet()), List.copyOf(ns.keys()), "keys in order of first write");
                long total = 0;
                for (StorageKey o : KEYS) {
                    Map<String, String> want = expected.areas.getOrDefault(o, new LinkedHashMap<>());
                    Map<String, String> got = ns.existingArea(o).map(StorageArea::getAll).orElse(Map.of());
                    assertEquals(List.copyOf(want.entrySet()), List.copyOf(got.entrySet()), "items of " + o);
                    assertEquals(ReferenceModel.bytes(want), ns.bytesInUse(o), "bytes of " + o);
                    total += ReferenceModel.bytes(want);
                    if (!want.isEmpty()) {
                        StorageArea area = ns.existingArea(o).orElseThrow();
                        List<String> keys = List.copyOf(want.keySet());
                        int i = rnd.nextInt(keys.size() + 1);
                        assertEquals(i < keys.size() ? keys.get(i) : null, area.key(i), "key(" + i + ")");
                        assertEquals(want.size(), area.length());
                    }
                }
                assertEquals(total, ns.totalBytesInUse(), "total bytes");
            });
        }

        List<String> idsIn(SessionNamespace.State state) {
            List<String> ids = new ArrayList<>();
            model.namespaces.forEach((id, ns) -> {
                if (ns.state == state) {
                    ids.add(id);
                }
            });
            return ids;
        }

        String key() {
            return rnd.nextInt(4) == 0 ? SPECIAL_KEYS[rnd.nextInt(SPECIAL_KEYS.length)] : "k" + rnd.nextInt(6);
        }

        String value() {
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                return "";
            }
            if (kind == 1) {
                return "\uDBFF\0";
            }
            return "v".repeat(rnd.nextInt(kind < 8 ? 8 : 60));
        }
    }
}
