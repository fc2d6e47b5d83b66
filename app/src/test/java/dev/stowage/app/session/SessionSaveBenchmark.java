package dev.stowage.app.session;

import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The session with 50 tabs each holding 200 KB of sessionStorage: (1) the FX thread's share of a save (the
 * snapshot) after one tab's one write, and with every tab written; (2) what a save after one write puts on
 * the disk; (3) a restart restoring those 50 tabs against an empty start over the same profile
 * (a profile without a session), from reading the session to the window shown, rounds alternating. Not part of
 * {@code mvn verify} (its name does not end in Test):
 *
 * <pre>mvn -B -o -pl app -am test -Dtest=SessionSaveBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class SessionSaveBenchmark extends ShellTestBase {
    private static final int TABS = 50;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    private static final int SNAPSHOTS = 200;
    private static final int WARM_UP = 20;
    private final List<Double> readRestore = new ArrayList<>();
    private final List<Double> readEmpty = new ArrayList<>();
    private static final Origin ORIGIN = Origin.of("http://127.0.0.1:8/");

    @Test
    void saveAndRestoreFiftyTabsOf200Kb() throws Exception {
        Path profile = Files.createTempDirectory("stowage-bench-session");
        SessionStorageService storage = new SessionStorageService();
        CompletableFuture<Void> exited = new CompletableFuture<>();
        SessionKeeper keeper = launchRestoring(new LaunchOptions(profile, false, List.of()), storage, exited);
        fx(() -> {
            for (int i = 1; i < TABS; i++) {
                window.openTab(null, false);
            }
            Map<String, String> items = new LinkedHashMap<>();
            for (int k = 0; k < 100; k++) {
                items.put("key-" + k, "v".repeat(1_000)); // 100 x ~1 KB chars: ~200 KB as UTF-16
            }
            storage.namespaceIds().forEach(id -> storage.namespace(id).orElseThrow().area(ORIGIN).set(items));
            return null;
        });
        sleep(3_000); // the first save of everything
        List<String> ids = fx(() -> new ArrayList<>(storage.namespaceIds()));
        Path storageDir = profile.resolve("session/storage");

        List<Double> oneWrite = new ArrayList<>();
        List<Double> oneWriteCpu = new ArrayList<>();
        List<Double> allWritten = new ArrayList<>();
        List<Double> allWrittenCpu = new ArrayList<>();
        List<Long> bytesAfterOneWrite = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 1; round++) {
            long before = System.currentTimeMillis();
            sleep(20);
            int r = round;
            sleep(2_000); // the writer's own save of the next write below lands; measure what it wrote
            fx(() -> {
                storage.namespace(ids.get(r % ids.size())).orElseThrow().area(ORIGIN).set("key-2", "again " + r);
                return null;
            });
            long writeAt = System.currentTimeMillis();
            sleep(2_000);
            long written = writtenSince(storageDir, writeAt) + Files.size(profile.resolve("session/session.json"));
            if (round > 0) {
                bytesAfterOneWrite.add(written);
            }
        }
        // The FX thread's share of a save, many times over: wall time, and the thread's own CPU time (which
        // leaves out the time it was descheduled or stopped for a GC).
        List<Double> captureWall = new ArrayList<>();
        List<Double> captureCpu = new ArrayList<>();
        for (int i = 0; i < SNAPSHOTS + WARM_UP; i++) {
            int n = i;
            double[] one = fx(() -> {
                storage.namespace(ids.get(n % ids.size())).orElseThrow().area(ORIGIN).set("key-1", "changed " + n);
                return timed(keeper::snapshot); // what the writer's FX-thread task does
            });
            double[] all = fx(() -> {
                ids.forEach(id -> storage.namespace(id).orElseThrow().area(ORIGIN).set("key-3", "all " + n));
                return timed(keeper::snapshot);
            });
            double[] capture = fx(() -> timed(window::captureState));
            if (i >= WARM_UP) {
                oneWrite.add(one[0]);
                oneWriteCpu.add(one[1]);
                allWritten.add(all[0]);
                allWrittenCpu.add(all[1]);
                captureWall.add(capture[0]);
                captureCpu.add(capture[1]);
            }
            sleep(10);
        }
        long total = writtenSince(storageDir, 0);
        fx(() -> {
            window.close();
            return null;
        });
        exited.get(30, TimeUnit.SECONDS);
        window = null;

        List<Double> restore = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 1; round++) {
            double e = startMs(Files.createTempDirectory("stowage-bench-empty"), false);
            double f = startMs(copyOf(profile), true);
            if (round > 0) {
                empty.add(e);
                restore.add(f);
            }
        }
        System.out.printf("session benchmark: %d tabs, storage files %.1f MB on disk%n", TABS, total / 1e6);
        System.out.printf("  the profile, for app/src/test/bench/start-time.sh: %s%n", profile);
        System.out.printf("  FX share of a save (%d each; wall | thread CPU): median, p99, max in ms%n", SNAPSHOTS);
        System.out.printf("    after one tab's write:    %s | %s%n", spread(oneWrite), spread(oneWriteCpu));
        System.out.printf("    after every tab's write:  %s | %s%n", spread(allWritten), spread(allWrittenCpu));
        System.out.printf("    of which the window's picture: %s | %s%n", spread(captureWall), spread(captureCpu));
        System.out.printf("  bytes a save writes after one write: median %d (session.json included)%n", medianLong(bytesAfterOneWrite));
        System.out.printf("  start to window shown: empty median %.0f ms, 50 restored median %.0f ms, ratio %.2f%n",
                median(empty), median(restore), median(restore) / median(empty));
        System.out.printf("  of which reading the session (measured apart): empty %.1f ms, 50 tabs %.1f ms%n",
                median(readEmpty), median(readRestore));
    }

    /** Reads the session and opens the window (restoring it, or not), until the first frame after showing. */
    private double startMs(Path profile, boolean restore) throws Exception {
        long r0 = System.nanoTime();
        RestoringShell.load(new LaunchOptions(profile, false, List.of()));
        (restore ? readRestore : readEmpty).add((System.nanoTime() - r0) / 1e6);
        CompletableFuture<Void> exited = new CompletableFuture<>();
        long t0 = System.nanoTime();
        launchRestoring(new LaunchOptions(profile, false, List.of()), new SessionStorageService(), exited);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (restore && fx(() -> window.model().tabs().size()) != TABS) {
            throw new AssertionError("restored " + fx(() -> window.model().tabs().size()) + " tabs");
        }
        fx(() -> {
            window.close();
            return null;
        });
        exited.get(30, TimeUnit.SECONDS);
        window = null;
        return ms;
    }

    /** A new profile holding {@code profile}'s session: each restored start saves over the one it read. */
    private static Path copyOf(Path profile) throws IOException {
        Path copy = Files.createTempDirectory("stowage-bench-restore");
        try (Stream<Path> files = Files.walk(profile.resolve("session"))) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(profile.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    private static long writtenSince(Path dir, long since) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toFile().lastModified() >= since).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%.3f, %.3f, %.3f", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.get(sorted.size() - 1));
    }

    /** Runs {@code action} and returns its wall time and this thread's CPU time, in ms. */
    private static double[] timed(Runnable action) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        action.run();
        long t1 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6, (threads.getCurrentThreadCpuTime() - cpu0) / 1e6};
    }

    private static long medianLong(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
