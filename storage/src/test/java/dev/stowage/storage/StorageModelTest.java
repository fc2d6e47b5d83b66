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
 * compared after every step: contents, order, bytes, states, {@code key(i)} and the exact change events.
 * Each sequence has a fixed seed, shown in the test name, so a failure reproduces.
 */
class StorageModelTest {
    private static final int SEQUENCES = 2000;
    private static final int STEPS = 60;
    private static final long QUOTA = 120;
    private static final List<Origin> ORIGINS = List.of(
            Origin.of("https://a.example"), Origin.of("http://a.example"), Origin.of("http://127.0.0.1:8080"));
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
        final List<Map.Entry<NamespaceSnapshot, Map<Origin, Map<String, String>>>> snapshots = new ArrayList<>();

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
                Map<Origin, Map<String, String>> actual = new LinkedHashMap<>();
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
            Origin origin = ORIGINS.get(rnd.nextInt(ORIGINS.size()));
            ChangeSource source = ChangeSource.named("s" + step);
            StorageArea area = service.namespace(id).orElseThrow().area(origin);
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
                List<StorageChange> expected = model.clearOrigin(origin);
                service.clearOrigin(origin);
                assertEquals(expected, events, "clearOrigin events");
                events.clear();
                return "clearOrigin";
            } else if (dice < 95) {
                Map<Origin, Map<String, String>> expected = new LinkedHashMap<>();
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
                long total = 0;
                for (Origin o : ORIGINS) {
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
