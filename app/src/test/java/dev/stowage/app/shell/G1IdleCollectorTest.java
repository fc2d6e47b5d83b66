package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * {@link IdleCollection} with {@link G1IdleCollector} on this test's own JVM: a request brings G1's periodic collection,
 * only one, and the flag goes back by itself.
 */
class G1IdleCollectorTest {
    private final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private volatile long work;
    private final List<String> causes = new CopyOnWriteArrayList<>();
    private final NotificationListener noted = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            causes.add(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcCause());
        }
    };

    @Test
    void aRequestBringsOneYoungCollectionAndIsTakenBackAfterIt() throws Exception {
        boolean onG1 = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().equals("G1 Young Generation"));
        G1IdleCollector collector = new G1IdleCollector();
        assertEquals(onG1, collector.available(), "available exactly on G1, with the flags at their defaults");
        if (!onG1) {
            collector.ask();
            assertEquals("0", hotSpot.getVMOption(G1IdleCollector.INTERVAL).getValue(), "nothing set off G1");
            return;
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(noted, null, null);
        }
        IdleCollection reported = new IdleCollection(collector, new IdleCollection.Sources() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long lastInputNanos() {
                return 0;
            }

            @Override
            public long workNanos() {
                return work;
            }
        });
        collector.reportTo(reported);
        try {
            work = 1_000_000_000L; // a second of the FX thread's work since the last collection, no input ever
            reported.check();
            assertTrue(reported.asking());
            assertEquals("1000", hotSpot.getVMOption(G1IdleCollector.INTERVAL).getValue());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (reported.collectedAtIdle() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, reported.collectedAtIdle(), "collections meanwhile: " + causes);
            assertTrue(causes.contains("G1 Periodic Collection"), "collections meanwhile: " + causes);
            assertEquals("0", hotSpot.getVMOption(G1IdleCollector.INTERVAL).getValue(), "taken back after it");
            long periodic = causes.stream().filter("G1 Periodic Collection"::equals).count();
            Thread.sleep(2_500); // G1 looks about once a second
            assertEquals(periodic, causes.stream().filter("G1 Periodic Collection"::equals).count(),
                    "no periodic collection once taken back: " + causes);
            reported.check();
            assertFalse(reported.asking(), "nothing to collect: no work since");
        } finally {
            hotSpot.setVMOption(G1IdleCollector.INTERVAL, "0");
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(noted);
            }
        }
    }
}
