package dev.stowage.app.shell;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import javax.management.NotificationEmitter;

/**
 * Asks G1 for its periodic collection (JEP 346), the JDK's own way to collect an idle process: while the
 * manageable flag {@code G1PeriodicGCInterval} is non-zero, G1's service thread (which looks about once a
 * second) starts a young "concurrent start" collection once that long has passed since the last one. A
 * request sets it; a withdrawal, or the collection itself, sets it back to 0.
 *
 * <p>Not {@link System#gc()}: on G1 that is a full, stop-the-world collection of the whole heap. Available
 * only on G1 with the flag at its default of 0 (a process started with its own interval collects when idle
 * already) and {@code G1PeriodicGCInvokesConcurrent} on (off, G1 would collect fully).
 */
final class G1IdleCollector implements IdleCollection.Collector {
    private static final System.Logger LOG = System.getLogger(G1IdleCollector.class.getName());
    static final String INTERVAL = "G1PeriodicGCInterval";
    /** G1 collects once this long has passed since its last collection: leaves a second to withdraw. */
    private static final String ASKED_INTERVAL_MS = "1000";

    private final HotSpotDiagnosticMXBean hotSpot;
    private volatile boolean available;

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
            return hotSpot.getVMOption(INTERVAL).isWriteable() && "0".equals(hotSpot.getVMOption(INTERVAL).getValue())
                    && "true".equals(hotSpot.getVMOption("G1PeriodicGCInvokesConcurrent").getValue());
        } catch (IllegalArgumentException e) {
            return false; // a JVM without the flags
        }
    }

    /** Reports each collection of the JVM, whatever its cause, to {@code idle}. */
    void reportTo(IdleCollection idle) {
        Objects.requireNonNull(idle, "idle");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    idle.collected();
                }
            }, null, null);
        }
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public void ask() {
        set(ASKED_INTERVAL_MS);
    }

    @Override
    public void withdraw() {
        set("0");
    }

    private void set(String interval) {
        if (!available) {
            return;
        }
        try {
            hotSpot.setVMOption(INTERVAL, interval);
        } catch (RuntimeException e) { // refused (a security manager, a JVM that changed the flag): stop asking
            available = false;
            LOG.log(System.Logger.Level.WARNING, "cannot set " + INTERVAL + "; no collections at idle", e);
        }
    }
}
