package dev.stowage.app.inspect;

import dev.stowage.app.shell.IdleCollection;
import dev.stowage.app.testing.FxProbe;
import dev.stowage.app.testing.FxSampler;
import dev.stowage.app.testing.PageClock;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import javafx.application.Platform;
import netscape.javascript.JSObject;
import org.junit.jupiter.api.Test;

/**
 * The inspector with 100k keys: (1) opening it on that area, made ahead as the app does once a window is idle
 * (the making measured too), and made on demand, as an F12 before that; (2) following a page's burst of 10k
 * writes.
 * Measured: how long each of the inspector's own FX tasks takes (building the rows happens off the FX
 * thread), and the longest the FX thread was busy at a stretch, seen by an {@link FxProbe}, as measured and
 * less the collector's pauses within it; for the burst, which the page writes in a task of its own, also
 * the longest stretch besides the page's own task (what following it costs); and the most CPU time the FX
 * thread used in one stretch (less the page's task's), which tells its own work from waiting for a core on
 * a busy 2-core machine; and the longest stretch in the rounds without a collection of the JVM, each of which
 * also brings a synchronous full collection of the page's JavaScript heap on the FX thread (see
 * docs/BENCHMARKS.md). Baselines: the shell idle, the same burst with the inspector closed, and docking an
 * empty panel. For what each pulse spends, add
 * {@code -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=16} to {@code headless.argLine}. Not part
 * of {@code mvn verify}:
 *
 * <pre>mvn -B -o -pl app -am test -Dtest=InspectorBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class InspectorBenchmark extends InspectorTestBase {
    private static final int KEYS = Integer.getInteger("bench.keys", 100_000);
    private static final int BURST = 10_000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
    /** {@code -Dbench.verbose=true}: each round's numbers too. */
    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    /**
     * {@code -Dbench.ahead=false}: each opening makes its panel on demand, as F12 before the window was idle
     * would; by default each round makes it ahead first (measured too), as the app does, and opens a second
     * panel on demand at the round's end.
     */
    private static final boolean AHEAD = !"false".equals(System.getProperty("bench.ahead"));
    /** {@code -Dbench.sample=true}: with verbose, where the FX thread was in each opening's longest stretch (slows it). */
    private static final boolean SAMPLE = Boolean.getBoolean("bench.sample");

    /**
     * {@code -Dbench.idleCollection=false}: without the app's {@link IdleCollection}; by default it runs, and the
     * first round waits for it after the rehearsal, as the app would leave a person {@link IdleCollection#QUIET}
     * without input.
     */
    private static final boolean IDLE_COLLECTION = !"false".equals(System.getProperty("bench.idleCollection"));

    private final List<Double> taskMs = Collections.synchronizedList(new ArrayList<>());
    /** When the inspector's background tasks (building the rows) ran, for the verbose output. */
    private final List<long[]> backgroundTasks = Collections.synchronizedList(new ArrayList<>());
    /** When the inspector's FX tasks ran, for the verbose output. */
    private final List<long[]> longTasks = Collections.synchronizedList(new ArrayList<>());
    private final PageClock clock = new PageClock();
    private volatile InspectorPanel shown;

    /** One measure over the rounds: the longest stretch as seen, and less the collector's pauses. */
    private static final class Stretches {
        private final List<Double> seen = new ArrayList<>();
        private final List<Double> besidesCollector = new ArrayList<>();
        private final List<Double> besidesPage = new ArrayList<>();
        private final List<Double> besidesPageAndCollector = new ArrayList<>();
        private final List<Double> onCpu = new ArrayList<>();
        /** The same measure (besides the page's task, when there is one) in rounds the JVM did not collect in. */
        private final List<Double> quiet = new ArrayList<>();

        void add(FxProbe probe) {
            add(probe, List.of());
        }

        /** With the page's own tasks in {@code pageTasks}, also the longest stretch besides them. */
        void add(FxProbe probe, List<long[]> pageTasks) {
            seen.add(probe.longestMs());
            besidesCollector.add(probe.longestBesidesCollectorMs());
            onCpu.add(probe.longestOnCpuBesidesMs(pageTasks));
            if (!pageTasks.isEmpty()) {
                besidesPage.add(probe.longestBesidesMs(pageTasks));
                besidesPageAndCollector.add(probe.longestBesidesAndCollectorMs(pageTasks));
            }
            // Each collection of the JVM also brings a synchronous full collection of the page's JavaScript
            // heap on the FX thread (JavaFX's WebPage.collectJSCGarbages): a round without one shows the
            // shell's own work.
            if (probe.pausesMs().isEmpty()) {
                quiet.add(pageTasks.isEmpty() ? probe.longestMs() : probe.longestBesidesMs(pageTasks));
            }
        }

        @Override
        public String toString() {
            return spread(seen) + " (less the collector's pauses: " + spread(besidesCollector) + ")"
                    + (besidesPage.isEmpty() ? "" : "; besides the page's own task: " + spread(besidesPage)
                    + " (and less the collector's pauses: " + spread(besidesPageAndCollector) + ")")
                    + "; the FX thread's CPU time in one stretch" + (besidesPage.isEmpty() ? "" : ", less the page's task's")
                    + ": " + spread(onCpu)
                    + "; in the " + quiet.size() + " rounds without a collection of the JVM"
                    + (besidesPage.isEmpty() ? "" : ", besides the page's task") + ": " + (quiet.isEmpty() ? "-" : spread(quiet));
        }
    }

    private int rowCount() {
        return fx(() -> shown.table().getItems().size());
    }

    /**
     * Has the page write {@link #BURST} keys in one task of its own, as a page's click or timer handler
     * would (a script Java runs reaches no microtask checkpoint, so it would not show what follows a page's
     * task), and notes how long the page's own task took.
     */
    private List<long[]> pageBurst(List<Double> took, String prefix, String valuePrefix) {
        clock.take();
        fx(() -> selectedTab().engine().executeScript("setTimeout(function () { __clock.start(); for (var i = 0; i < "
                + BURST + "; i++) sessionStorage.setItem('" + prefix + "' + i, '" + valuePrefix + "' + i); __clock.end(); }, 0)"));
        waitUntil("the page's task", () -> clock.ended() > 0);
        List<long[]> tasks = clock.take();
        tasks.forEach(t -> took.add((t[1] - t[0]) / 1e6));
        return tasks;
    }

    private void dockShowing(boolean showing) {
        fx(() -> {
            window.dock().setShowing(showing);
            return null;
        });
    }

    @Test
    void openOnA100kKeyAreaAndFollowA10kWriteBurst() throws Exception {
        SessionStorageService storage = new SessionStorageService(64L * 1024 * 1024);
        launchWithSessionStorage(storage, server.url("/listen"));
        IdleCollection idleCollection = IDLE_COLLECTION ? fx(IdleCollection::start).get() : null;
        Origin origin = Origin.of(server.url("/"));
        fx(() -> {
            Map<String, String> items = new LinkedHashMap<>();
            for (int i = 0; i < KEYS; i++) {
                items.put("key-" + i, "value " + i + " " + "x".repeat(40));
            }
            String id = window.namespaceIdOf(selected()).orElseThrow();
            storage.namespace(id).orElseThrow().area(origin).set(items);
            return null;
        });
        script(selectedTab(), "sessionStorage.length"); // the page is ready
        fx(() -> {
            ((JSObject) selectedTab().engine().executeScript("window")).setMember("__clock", clock);
            return null;
        });

        List<Double> openTask = new ArrayList<>();
        List<Double> burstTask = new ArrayList<>();
        List<Double> scriptMs = new ArrayList<>();
        List<Double> closedScriptMs = new ArrayList<>();
        Stretches open = new Stretches();
        String firstOpening = "";
        Stretches ahead = new Stretches();
        String firstAhead = "";
        Stretches openOnDemand = new Stretches();
        List<Double> openOnDemandTask = new ArrayList<>();
        String firstOnDemand = "";
        Stretches burst = new Stretches();
        Stretches closedBurst = new Stretches();
        Stretches again = new Stretches();
        Stretches idle = new Stretches();
        Stretches empty = new Stretches();
        for (int round = 0; round <= ROUNDS; round++) {
            int r = round;
            boolean counted = round > 0; // the first round warms up
            if (round == 1 && VERBOSE) {
                System.out.printf("rounds start at uptime %d ms (to match a -Xlog:gc log)%n",
                        ManagementFactory.getRuntimeMXBean().getUptime());
            }
            fx(() -> {
                installFreshPanel(storage);
                return null;
            });
            sleep(200);
            if (AHEAD) {
                // As the app does once the window has been idle a while: made, and its parts styled, hidden.
                try (FxProbe probe = FxProbe.start()) {
                    fx(() -> {
                        window.dock().prepare();
                        return null;
                    });
                    waitUntil("the panel made ahead and rehearsed", () -> shown != null && fx(() -> window.dock().isMade()
                            && shown.getOpacity() == 1 && shown.rehearsal() == Rehearsal.State.DONE));
                    sleep(200);
                    probe.close();
                    if (!counted && idleCollection != null) {
                        // The policy may find nothing to collect (the JVM collected since the page's work): then none comes.
                        long waited = System.nanoTime();
                        while (idleCollection.collectedAtIdle() == 0 && System.nanoTime() - waited < 12_000_000_000L) {
                            sleep(50);
                        }
                        sleep(300); // the pages' JavaScript collection it brings, on the FX thread
                        System.out.println(idleCollection.collectedAtIdle() == 0 ? "no collection at idle in 12 s"
                                : String.format("the collection at idle came %.1f s after the rehearsal", (System.nanoTime() - waited) / 1e9 - 0.3));
                    }
                    if (counted) {
                        ahead.add(probe);
                    } else {
                        firstAhead = String.format("%.1f ms, of which the FX thread's CPU %.1f ms", probe.longestMs(),
                                probe.longestOnCpuBesidesMs(List.of()));
                    }
                }
            }
            String opening = measureOpening(r, counted ? open : null, counted ? openTask : new ArrayList<>());
            if (!counted) {
                firstOpening = opening;
            }

            try (FxProbe probe = FxProbe.start()) {
                taskMs.clear();
                List<long[]> pageTask = pageBurst(scriptMs, "burst-" + r + "-", "v");
                waitUntil("the burst in the grid", () -> rowCount() >= KEYS + BURST * (r + 1));
                sleep(200);
                probe.close();
                if (counted) {
                    if (VERBOSE) {
                        System.out.printf("round %d burst: longest stretch besides the page's task %.1f ms (less the collector's pauses %.1f),"
                                + " the collector's pauses %s ms%n", r, probe.longestBesidesMs(pageTask),
                                probe.longestBesidesAndCollectorMs(pageTask), probe.pausesMs());
                    }
                    burst.add(probe, pageTask);
                    burstTask.add(maxOf(taskMs));
                }
            }

            dockShowing(false);
            sleep(200);
            try (FxProbe probe = FxProbe.start()) {
                List<long[]> pageTask = pageBurst(closedScriptMs, "burst-" + r + "-", "w");
                sleep(300);
                probe.close();
                if (counted) {
                    closedBurst.add(probe, pageTask);
                }
            }

            try (FxProbe probe = FxProbe.start()) {
                dockShowing(true);
                sleep(300);
                probe.close();
                if (counted) {
                    again.add(probe);
                }
            }
            dockShowing(false);

            try (FxProbe probe = FxProbe.start()) {
                sleep(500);
                probe.close();
                if (counted) {
                    idle.add(probe);
                }
            }

            fx(() -> {
                window.dock().setPanel(EmptyPanel::new);
                return null;
            });
            sleep(200);
            try (FxProbe probe = FxProbe.start()) {
                dockShowing(true);
                waitUntil("the empty panel", () -> fx(() -> window.dock().isReady()));
                sleep(300);
                probe.close();
                if (counted) {
                    empty.add(probe);
                }
            }
            dockShowing(false);

            if (AHEAD) {
                // F12 before the window was idle long enough: made, styled and connected on demand.
                fx(() -> {
                    installFreshPanel(storage);
                    return null;
                });
                sleep(200);
                String cold = measureOpening(r, counted ? openOnDemand : null, counted ? openOnDemandTask : new ArrayList<>());
                if (!counted) {
                    firstOnDemand = cold;
                }
                dockShowing(false);
            }
        }
        System.out.printf("inspector benchmark: %d keys, bursts of %d page writes, %d rounds (median / max, ms)%n", KEYS, BURST, ROUNDS);
        if (AHEAD) {
            System.out.printf("  the first making ahead in this JVM (idle; the warm-up round, not counted below): longest FX stretch %s%n", firstAhead);
            System.out.printf("  making it ahead (idle): longest FX stretch %s%n", ahead);
        }
        System.out.printf("  the first opening in this JVM%s (the warm-up round, not counted below): longest FX stretch %s%n",
                AHEAD ? ", made ahead" : "", firstOpening);
        System.out.printf("  opening%s: the inspector's longest FX task %s; longest FX stretch %s%n", AHEAD ? ", made ahead" : "",
                spread(openTask), open);
        if (AHEAD) {
            System.out.printf("  the first opening not made ahead in this JVM (after the warm-up round's other openings): longest FX stretch %s%n",
                    firstOnDemand);
            System.out.printf("  opening, not made ahead: the inspector's longest FX task %s; longest FX stretch %s%n",
                    spread(openOnDemandTask), openOnDemand);
        }
        System.out.printf("  burst, inspector open: longest FX task %s; longest FX stretch %s%n", spread(burstTask), burst);
        System.out.printf("  burst, inspector closed: longest FX stretch %s%n", closedBurst);
        System.out.printf("  the page's own task (its 10k writes), inspector open: %s; closed: %s%n", spread(scriptMs), spread(closedScriptMs));
        System.out.printf("  showing it again after hiding it: longest FX stretch %s%n", again);
        System.out.printf("  the shell idle for 0.5 s: longest FX stretch %s%n", idle);
        System.out.printf("  docking an empty panel: longest FX stretch %s%n", empty);
    }

    /**
     * Opens the dock's panel (F12's path) until the grid holds every row and every part is in; adds the
     * round's numbers to {@code into} (null: the warm-up round) and returns them as text.
     */
    private String measureOpening(int round, Stretches into, List<Double> tasks) {
        try (FxProbe probe = FxProbe.start(); FxSampler sampler = SAMPLE ? FxSampler.start() : null) {
            taskMs.clear(); // only the tasks inside the probe's window: an earlier round's may still run before it
            backgroundTasks.clear();
            longTasks.clear();
            long allocatedBefore = allocatedBytes();
            Map<String, Long> byThreadBefore = VERBOSE ? allocatedByThread() : Map.of();
            long uptimeAtF12 = ManagementFactory.getRuntimeMXBean().getUptime();
            long opened = System.nanoTime();
            dockShowing(true);
            // Every row, and every part of the panel in (its opacity is 1 once the last part joined).
            waitUntil("every row", () -> shown != null && fx(() -> window.dock().isReady() && shown.getOpacity() == 1)
                    && rowCount() >= KEYS);
            sleep(200);
            probe.close();
            tasks.add(maxOf(taskMs));
            if (into != null) {
                into.add(probe);
            }
            if (VERBOSE) {
                System.out.printf("round %d opening: longest stretch %.1f ms (less the collector's pauses %.1f), FX CPU %.1f ms, "
                        + "longest task %.1f ms, the collector's pauses %s ms%n", round, probe.longestMs(),
                        probe.longestBesidesCollectorMs(), probe.longestOnCpuBesidesMs(List.of()), maxOf(taskMs), probe.pausesMs());
                long[] wait = probe.longestWait();
                System.out.printf("  F12 at uptime %d ms; %.1f MB allocated by all threads until every row was in and 200 ms more%n",
                        uptimeAtF12, (allocatedBytes() - allocatedBefore) / 1e6);
                Map<String, Long> byThread = allocatedByThread();
                System.out.printf("  of which (MB): %s%n", byThread.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue() - byThreadBefore.getOrDefault(e.getKey(), 0L)))
                        .filter(e -> e.getValue() > 100_000).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e6)).toList());
                System.out.printf("  the longest stretch from %.1f to %.1f ms after F12; the rows built from %s ms%n",
                        (wait[0] - opened) / 1e6, (wait[1] - opened) / 1e6, backgroundTasks.stream()
                                .map(t -> String.format("%.1f to %.1f", (t[0] - opened) / 1e6, (t[1] - opened) / 1e6)).toList());
                synchronized (longTasks) {
                    System.out.printf("  the inspector's FX tasks over 5 ms: %s%n", longTasks.stream().filter(t -> t[1] - t[0] > 5_000_000)
                            .map(t -> String.format("%.1f to %.1f", (t[0] - opened) / 1e6, (t[1] - opened) / 1e6)).toList());
                }
                if (sampler != null) {
                    System.out.printf("  where the FX thread was in it:%n%s%n", sampler.between(wait[0], wait[1]));
                }
            }
            return String.format("%.1f ms, of which the FX thread's CPU %.1f ms", probe.longestMs(),
                    probe.longestOnCpuBesidesMs(List.of()));
        }
    }

    /** A new inspector and panel in the dock, each FX task of the inspector timed. */
    private void installFreshPanel(SessionStorageService storage) {
        shown = null;
        Consumer<Runnable> timedFx = task -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            task.run();
            taskMs.add((System.nanoTime() - t0) / 1e6);
            longTasks.add(new long[] {t0, System.nanoTime()});
        });
        window.dock().setShowing(false);
        window.dock().setPanel(() -> {
            Executor background = task -> ForkJoinPool.commonPool().execute(() -> {
                long start = System.nanoTime();
                task.run();
                backgroundTasks.add(new long[] {start, System.nanoTime()});
            });
            Inspector inspector = new Inspector(storage, background, timedFx);
            InspectorPanel panel = new InspectorPanel(inspector, () -> InspectorDock.targets(window),
                    new InspectorFiles(InspectorFiles.DIALOGS, ForkJoinPool.commonPool(), Platform::runLater), window.dock());
            shown = panel;
            return panel;
        });
    }

    /** What every live thread allocated so far (threads that ended are left out). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    /** What each live thread allocated so far, by name. */
    private static Map<String, Long> allocatedByThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] > 0) {
                byName.merge(infos[i].getThreadName().replaceAll("-\\d+$", "-n"), bytes[i], Long::sum);
            }
        }
        return byName;
    }

    private static double maxOf(List<Double> values) {
        synchronized (values) {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%.1f / %.1f", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
