package dev.stowage.app.inspect;

import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

/**
 * The inspector with 100k keys: (1) opening it on that area, (2) following a page's burst of 10k writes.
 * Measured: how long each of the inspector's own FX tasks takes (building the rows happens off the FX
 * thread), and the longest the FX thread was busy at a stretch, seen by a probe that posts a runnable every
 * 2 ms and notes how late it runs, with and without the inspector open. For what each pulse spends, add
 * {@code -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=16} to {@code headless.argLine}. Not part
 * of {@code mvn verify}:
 *
 * <pre>mvn -B -o -pl app -am test -Dtest=InspectorBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class InspectorBenchmark extends InspectorTestBase {
    private static final int KEYS = Integer.getInteger("bench.keys", 100_000);
    private static final int BURST = 10_000;
    private static final int ROUNDS = 5;

    private final List<Double> taskMs = Collections.synchronizedList(new ArrayList<>());
    private InspectorPanel shown;

    private int rowCount() {
        return fx(() -> shown.table().getItems().size());
    }

    @Test
    void openOnA100kKeyAreaAndFollowA10kWriteBurst() throws Exception {
        SessionStorageService storage = new SessionStorageService(64L * 1024 * 1024);
        launchWithSessionStorage(storage, server.url("/listen"));
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

        List<Double> openTask = new ArrayList<>();
        List<Double> openProbe = new ArrayList<>();
        List<Double> burstTask = new ArrayList<>();
        List<Double> burstProbe = new ArrayList<>();
        List<Double> closedBurstProbe = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            int r = round;
            taskMs.clear();
            fx(() -> {
                installFreshPanel(storage);
                return null;
            });
            sleep(200);
            Probe open = Probe.start();
            fx(() -> {
                window.dock().setShowing(true);
                return null;
            });
            waitUntil("100k rows", () -> rowCount() >= KEYS);
            sleep(200);
            double openMax = open.stop();
            double openTasks = maxOf(taskMs);

            taskMs.clear();
            Probe burst = Probe.start();
            script(selectedTab(), "for (var i = 0; i < " + BURST + "; i++) sessionStorage.setItem('burst-" + r + "-' + i, 'v' + i);");
            waitUntil("the burst in the table", () -> rowCount() >= KEYS + BURST * (r + 1));
            sleep(200);
            double burstMax = burst.stop();
            double burstTasks = maxOf(taskMs);

            fx(() -> {
                window.dock().setShowing(false);
                return null;
            });
            sleep(200);
            Probe closed = Probe.start();
            script(selectedTab(), "for (var i = 0; i < " + BURST + "; i++) sessionStorage.setItem('burst-" + r + "-' + i, 'w' + i);");
            sleep(300);
            double closedMax = closed.stop();
            if (round > 0) {
                openTask.add(openTasks);
                openProbe.add(openMax);
                burstTask.add(burstTasks);
                burstProbe.add(burstMax);
                closedBurstProbe.add(closedMax);
            }
        }
        System.out.printf("inspector benchmark: %d keys, bursts of %d page writes, %d rounds (median / max, ms)%n", KEYS, BURST, ROUNDS);
        System.out.printf("  opening: the inspector's longest FX task %s; longest FX stretch (probe) %s%n", spread(openTask), spread(openProbe));
        System.out.printf("  burst, inspector open: longest FX task %s; longest FX stretch %s%n", spread(burstTask), spread(burstProbe));
        System.out.printf("  burst, inspector closed: longest FX stretch %s%n", spread(closedBurstProbe));
    }

    /** A new inspector and panel in the dock, each FX task of the inspector timed. */
    private void installFreshPanel(SessionStorageService storage) {
        Consumer<Runnable> timedFx = task -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            task.run();
            taskMs.add((System.nanoTime() - t0) / 1e6);
        });
        Inspector inspector = new Inspector(storage, ForkJoinPool.commonPool(), timedFx);
        InspectorPanel panel = new InspectorPanel(inspector, () -> InspectorDock.targets(window),
                new InspectorFiles(InspectorFiles.DIALOGS, ForkJoinPool.commonPool(), Platform::runLater), window.dock());
        window.dock().setShowing(false);
        window.dock().setPanel(() -> panel);
        shown = panel;
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

    /** Posts a runnable to the FX thread every 2 ms and keeps the longest wait before one ran. */
    private static final class Probe {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile double maxMs;
        private final Thread thread;

        private Probe() {
            thread = new Thread(() -> {
                while (running.get()) {
                    long posted = System.nanoTime();
                    Platform.runLater(() -> {
                        double late = (System.nanoTime() - posted) / 1e6;
                        if (late > maxMs) {
                            maxMs = late;
                        }
                    });
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-probe");
            thread.setDaemon(true);
        }

        static Probe start() {
            Probe probe = new Probe();
            probe.thread.start();
            return probe;
        }

        double stop() throws InterruptedException {
            running.set(false);
            thread.join();
            sleep(50);
            return maxMs;
        }
    }
}
