package dev.stowage.app.inspect;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.StorageArea;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import javafx.collections.ListChangeListener;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * What an inspector's rows cost the JVM, without a screen: for an area of 100k keys, each round builds the
 * rows ({@link AreaRows}, as an opening does off the FX thread), then makes garbage until the collector has
 * run several young pauses with the rows still young, then has the area take a burst of 10k writes and
 * times each FX task that applies it (wall and the thread's CPU). The rows' share of a young pause is what
 * the pause copies of them; fix the young generation so that runs compare:
 *
 * <pre>mvn -B -o -q test -pl app -Dtest=InspectorRowsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dheadless.argLine="-Xmn64m -Xmx1g"</pre>
 *
 * Not part of {@code mvn verify}.
 */
class InspectorRowsBenchmark {
    private static final int KEYS = 100_000;
    private static final int BURST = 10_000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    private static volatile Object sink;

    @Test
    void buildFollowAndCollect() throws InterruptedException {
        Queue<Runnable> fxTasks = new ArrayDeque<>();
        StorageArea area = new SessionStorageService(64L << 20).createNamespace().area(Origin.of("https://a.example"));
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 0; i < KEYS; i++) {
            items.put("key-" + i, "value " + i + " " + "x".repeat(40));
        }
        area.set(items);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("inspector rows: %d keys, bursts of %d, %d rounds%n", KEYS, BURST, ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            AreaRows rows = new AreaRows(area, Runnable::run, fxTasks::add, () -> { });
            FilteredRows shown = new FilteredRows(rows.rows()); // as the inspector shows them, with no filter
            shown.addListener((ListChangeListener<ItemRow>) c -> { });
            runAll(fxTasks, null);
            double buildMs = (System.nanoTime() - start) / 1e6;
            double builtMb = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1e6;

            List<Long> pauses = youngPausesWhile(() -> {
                for (int i = 0; i < 400_000; i++) {
                    sink = new byte[1_000];
                }
            });

            for (int i = 0; i < BURST; i++) {
                area.set("burst-" + round + "-" + i, "v" + i);
            }
            List<String> drains = new ArrayList<>();
            runAll(fxTasks, drains);
            System.out.printf("  round %d: rows built and handed over in %.1f ms, %.1f MB allocated; young pauses after (ms) %s;"
                    + " the burst's FX tasks, wall/CPU ms: %s%n", round, buildMs, builtMb, pauses, String.join(" ", drains));
            rows.close();
            sink = shown;
        }
    }

    private static void runAll(Queue<Runnable> fxTasks, List<String> timings) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Runnable task;
        while ((task = fxTasks.poll()) != null) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            task.run();
            if (timings != null) {
                timings.add(String.format("%.1f/%.1f", (System.nanoTime() - wall) / 1e6,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e6));
            }
        }
    }

    private static List<Long> youngPausesWhile(Runnable work) throws InterruptedException {
        List<Long> pauses = Collections.synchronizedList(new ArrayList<>());
        NotificationListener listener = (notification, handback) -> {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                if (info.getGcAction().contains("minor")) {
                    pauses.add(info.getGcInfo().getDuration());
                }
            }
        };
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
        work.run();
        Thread.sleep(300); // the notifications come from a thread of their own
        for (GarbageCollectorMXBean gc : collectors) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return List.copyOf(pauses);
    }
}
