package dev.stowage.app.testing;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javafx.application.Platform;

/**
 * Measures how long the FX thread was busy at a stretch: it posts a runnable every 2 ms and notes how late
 * each one runs. It also notes the collector's stop-the-world pauses meanwhile, so a stretch can be told
 * with and without them: a pause stops the FX thread too, whatever it was doing. And it notes the FX
 * thread's CPU time when each runnable is posted and when it runs: on 2 cores a stretch can be mostly the
 * FX thread waiting for a core (measured: 7 ms of CPU in a 36 ms stretch), which the CPU time tells from
 * the FX thread's own work.
 */
public final class FxProbe implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final List<long[]> waits = new ArrayList<>();
    private final List<long[]> pauses = new ArrayList<>();
    private final NotificationListener gcListener = this::collected;
    private final long vmStartNanos;

    private FxProbe() {
        // A collection's start time counts from the JVM's start time, the epoch milliseconds of
        // RuntimeMXBean.getStartTime(), not from the base of getUptime(), which is ~100 ms later (measured:
        // a pause placed by uptime fell 98.6 ms before the System.gc() that caused it; by the start time,
        // within 3 ms of it).
        long epochToNano = System.nanoTime() - System.currentTimeMillis() * 1_000_000;
        vmStartNanos = ManagementFactory.getRuntimeMXBean().getStartTime() * 1_000_000 + epochToNano;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(gcListener, null, null);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxThread = Fx.call(() -> Thread.currentThread().getId());
        thread = new Thread(() -> {
            while (running.get()) {
                long posted = System.nanoTime();
                long cpuAtPost = threads.getThreadCpuTime(fxThread);
                Platform.runLater(() -> {
                    long ran = System.nanoTime();
                    long cpuAtRun = threads.getCurrentThreadCpuTime();
                    synchronized (waits) {
                        waits.add(new long[] {posted, ran, cpuAtPost, cpuAtRun});
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

    public static FxProbe start() {
        FxProbe probe = new FxProbe();
        probe.thread.start();
        return probe;
    }

    /** Stops probing, once the runnables posted have run. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Fx.call(() -> null);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(gcListener);
            } catch (javax.management.ListenerNotFoundException e) {
                // never added
            }
        }
    }

    /** The longest wait of a posted runnable, in ms. */
    public double longestMs() {
        return longest(false, List.of());
    }

    /** The longest wait's {@code {postedNanos, ranNanos}}, on {@link System#nanoTime()}'s clock; null if none. */
    public long[] longestWait() {
        long[] longest = null;
        synchronized (waits) {
            for (long[] wait : waits) {
                if (longest == null || wait[1] - wait[0] > longest[1] - longest[0]) {
                    longest = wait;
                }
            }
        }
        return longest == null ? null : new long[] {longest[0], longest[1]};
    }

    /** The longest wait, less the collector's pauses within it, in ms. */
    public double longestBesidesCollectorMs() {
        return longest(true, List.of());
    }

    /**
     * The longest wait less the parts of it inside {@code others} ({@code {startNanos, endNanos}} each, on
     * {@link System#nanoTime()}'s clock): what the FX thread did besides those, such as a page's own task.
     */
    public double longestBesidesMs(List<long[]> others) {
        return longest(false, others);
    }

    /** {@link #longestBesidesMs}, less the collector's pauses too. */
    public double longestBesidesAndCollectorMs(List<long[]> others) {
        return longest(true, others);
    }

    /**
     * The most CPU time the FX thread used within one wait, in ms, less the CPU time of {@code others} inside
     * it ({@code {startNanos, endNanos, startCpuNanos, endCpuNanos}} each, FX-thread tasks such as a page's
     * own, as {@link PageClock} notes them; a task partly inside a wait counts pro rata): the FX thread's own
     * work at a stretch, without the time it waited for a core or for a collector's pause.
     */
    public double longestOnCpuBesidesMs(List<long[]> others) {
        double longest = 0;
        synchronized (waits) {
            for (long[] wait : waits) {
                double cpu = wait[3] - wait[2];
                for (long[] task : others) {
                    long inside = overlap(wait, List.of(task));
                    if (inside > 0) {
                        cpu -= (task[3] - task[2]) * (double) inside / Math.max(1, task[1] - task[0]);
                    }
                }
                longest = Math.max(longest, cpu / 1e6);
            }
        }
        return longest;
    }

    private double longest(boolean besidesPauses, List<long[]> others) {
        double longest = 0;
        synchronized (waits) {
            for (long[] wait : waits) {
                long busy = wait[1] - wait[0] - overlap(wait, others);
                if (besidesPauses) {
                    synchronized (pauses) {
                        busy -= overlap(wait, pauses);
                    }
                }
                longest = Math.max(longest, busy / 1e6);
            }
        }
        return longest;
    }

    private static long overlap(long[] wait, List<long[]> intervals) {
        long total = 0;
        for (long[] interval : intervals) {
            total += Math.max(0, Math.min(wait[1], interval[1]) - Math.max(wait[0], interval[0]));
        }
        return total;
    }

    /** The collector's pauses seen, in ms. */
    public List<Double> pausesMs() {
        synchronized (pauses) {
            return pauses.stream().map(p -> (p[1] - p[0]) / 1e6).toList();
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Concurrent")) {
            return; // runs beside the application, not a pause
        }
        long start = vmStartNanos + info.getGcInfo().getStartTime() * 1_000_000;
        long end = start + Math.max(1, info.getGcInfo().getDuration()) * 1_000_000;
        synchronized (pauses) {
            pauses.add(new long[] {start, end});
        }
    }
}
