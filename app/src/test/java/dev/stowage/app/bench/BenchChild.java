package dev.stowage.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * What both benchmark children share: the stdout protocol {@link BenchDriver} reads ({@code LOADED},
 * {@code RSS1 kb}, {@code RSS20 kb}) and how to wait for the FX thread and read the resident set size.
 */
final class BenchChild {
    static final int TABS = 20;

    private BenchChild() {
    }

    /** Polls {@code condition} on the FX thread every 10 ms until it holds (or fails after 60 s). */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean[] ok = {false};
            var latch = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(() -> {
                ok[0] = condition.getAsBoolean();
                latch.countDown();
            });
            latch.await();
            if (ok[0]) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("benchmark child timed out");
    }

    /** Settles (GC, then a pause for WebKit's own threads) and prints the resident set size in kB. */
    static void reportRss(String label) throws InterruptedException, IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(500);
        }
        Thread.sleep(1500);
        List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
        String rss = status.stream().filter(l -> l.startsWith("VmRSS:")).findFirst().orElseThrow()
                .replaceAll("[^0-9]", "");
        var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.println(label + " " + rss);
        // Committed Java heap, to tell heap growth from native (WebKit) growth when RSS differs.
        System.out.println("HEAP" + label.substring(3) + " " + heap.getCommitted() / 1024 + " " + heap.getUsed() / 1024);
        System.out.flush();
    }
}
