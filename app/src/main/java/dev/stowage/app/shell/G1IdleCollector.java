package dev.stowage.app.shell;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * Asks G1 for its periodic collection (JEP 346), the JDK's own way to collect an idle process: while the
 * manageable flag {@code G1PeriodicGCInterval} is non-zero, G1's service thread (which looks about once a
 * second) starts a young "concurrent start" collection once that long has passed since the last one. A
 * request sets it; a withdrawal, or the collection itself, sets it back to 0.
 *
 * <p>Not {@link System#gc()}: on G1 that is a full, stop-the-world collection of the whole heap. Available
 * only on G1 with the periodic collection's flags at their defaults: a process started with its own interval
 * collects when idle already, with {@code G1PeriodicGCInvokesConcurrent} off G1 would collect fully, and with
 * a load threshold it may not collect at all. A flag someone else sets while the process runs
 * ({@code jcmd VM.set_flag}) makes this stop asking rather than overwrite it.
 */
final class G1IdleCollector implements IdleCollection.Collector {
    private static final System.Logger LOG = System.getLogger(G1IdleCollector.class.getName());
    static final String INTERVAL = "G1PeriodicGCInterval";
    /**
     * The interval asked for. The last collection is usually long past, so G1 collects at its next look;
     * after that collection, a second passes before it would collect again, time for the notification to
     * set the flag back.
     */
    static final String ASKED_INTERVAL_MS = "1000";

    private final HotSpotDiagnosticMXBean hotSpot;
    private volatile boolean available;
    /** The flag is set (or could not be set back). */
    private volatile boolean raised;

    G1IdleCollector() {
        hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        available = hotSpot != null && onG1() && isDefault();
    }

    private static boolean onG1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().equals("G1 Young Generation"));
    }

    private boolean isDefault() {
        try {
            return hotSpot.getVMOption(INTERVAL).isWriteable() && "0".equals(interval())
                    && "true".equals(hotSpot.getVMOption("G1PeriodicGCInvokesConcurrent").getValue())
                    && Double.parseDouble(hotSpot.getVMOption("G1PeriodicGCSystemLoadThreshold").getValue()) == 0;
        } catch (IllegalArgumentException e) { // a JVM without the flags (NumberFormatException is one too)
            return false;
        }
    }

    private String interval() {
        return hotSpot.getVMOption(INTERVAL).getValue();
    }

    /**
     * Reports each collection of the JVM, whatever its cause, to {@code idle}, and sets the flag back after
     * it if a withdrawal could not. The runnable returned stops the reports.
     */
    Runnable reportTo(IdleCollection idle) {
        Objects.requireNonNull(idle, "idle");
        NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            try {
                idle.collected();
                if (raised) {
                    withdraw();
                }
            } catch (RuntimeException e) { // the JMX thread would drop it without a word
                LOG.log(System.Logger.Level.WARNING, "idle collection: a collection's report failed", e);
            }
        };
        List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(NotificationEmitter.class::cast).toList();
        emitters.forEach(emitter -> emitter.addNotificationListener(listener, null, null));
        return () -> emitters.forEach(emitter -> {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        });
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public synchronized void ask() {
        if (!available) {
            return;
        }
        try {
            if (!"0".equals(interval())) {
                available = false; // set by someone else meanwhile: theirs to manage
                return;
            }
            hotSpot.setVMOption(INTERVAL, ASKED_INTERVAL_MS);
            raised = true;
        } catch (RuntimeException e) { // refused (a security manager, a JVM that changed the flag): stop asking
            available = false;
            LOG.log(System.Logger.Level.WARNING, "cannot set " + INTERVAL + "; no collections at idle", e);
        }
    }

    @Override
    public synchronized void withdraw() {
        if (!raised) {
            return;
        }
        try {
            if (ASKED_INTERVAL_MS.equals(interval())) { // else someone else set it since: leave theirs
                hotSpot.setVMOption(INTERVAL, "0");
            }
            raised = false;
        } catch (RuntimeException e) { // tried again after the next collection
            available = false;
            LOG.log(System.Logger.Level.ERROR, "cannot set " + INTERVAL + " back to 0; G1 may collect every second", e);
        }
    }
}
