package dev.stowage.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background saver, with a thread of its own standing in for the FX thread: when it saves, that the
 * owner thread only snapshots, and what a failed save does. Timings are generous lower or upper bounds,
 * never exact.
 */
class SessionWriterTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService owner = Executors.newSingleThreadExecutor(r -> new Thread(r, "owner"));
    private final AtomicInteger version = new AtomicInteger();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final List<String> snapshotThreads = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopOwner() {
        owner.shutdownNow();
    }

    private SessionWriter<com.fasterxml.jackson.databind.JsonNode> writer(Path path, Duration settle, Duration cap) {
        SessionFile file = new SessionFile(path, Clock.systemUTC());
        return new SessionWriter<>(() -> {
            snapshots.incrementAndGet();
            snapshotThreads.add(Thread.currentThread().getName());
            return json.createObjectNode().put("version", version.get());
        }, file::save, owner, settle, cap, problems::add);
    }

    private void onOwner(Runnable r) throws Exception {
        owner.submit(r).get(5, TimeUnit.SECONDS);
    }

    private int savedVersion(Path path) throws Exception {
        return new SessionFile(path, Clock.systemUTC()).load().session().map(s -> s.get("version").intValue()).orElse(-1);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aBurstOfChangesIsOneSaveOfTheLastState() throws Exception {
        Path path = dir.resolve("session.json");
        try (SessionWriter<?> writer = writer(path, Duration.ofMillis(50), Duration.ofSeconds(2))) {
            onOwner(() -> {
                for (int i = 1; i <= 100; i++) {
                    version.set(i);
                    writer.changed();
                }
            });
            waitFor("a save", () -> snapshots.get() == 1);
            waitFor("the file", () -> Files.exists(path));
            Thread.sleep(200);
            assertEquals(1, snapshots.get(), "one save for the burst");
            assertEquals(100, savedVersion(path));
            assertEquals(List.of("owner"), snapshotThreads, "the snapshot is taken on the owner thread");
        }
    }

    @Test
    void aPageThatNeverStopsWritingIsStillSavedAboutOncePerCap() throws Exception {
        Path path = dir.resolve("session.json");
        try (SessionWriter<?> writer = writer(path, Duration.ofMillis(50), Duration.ofMillis(150))) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
            while (System.nanoTime() < end) {
                onOwner(() -> {
                    version.incrementAndGet();
                    writer.changed();
                });
                Thread.sleep(10); // never 50 ms quiet: only the cap can trigger a save
            }
            int saves = snapshots.get();
            assertTrue(saves >= 3 && saves <= 8, "saves in 800 ms with a 150 ms cap: " + saves);
        }
    }

    @Test
    void saveNowWritesAtOnceAndNothingIsLeftPending() throws Exception {
        Path path = dir.resolve("session.json");
        try (SessionWriter<?> writer = writer(path, Duration.ofSeconds(1), Duration.ofSeconds(5))) {
            version.set(7);
            owner.submit(writer::changed).get();
            owner.submit(() -> writer.saveNow()).get().get(5, TimeUnit.SECONDS);
            assertEquals(7, savedVersion(path));
            Thread.sleep(1_300);
            assertEquals(1, snapshots.get(), "the pending save was folded into saveNow");
        }
    }

    @Test
    void aFailedSaveIsReportedLosesNothingAndTheNextChangeRetries() throws Exception {
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the session folder should be");
        Path path = blocked.resolve("session.json");
        try (SessionWriter<?> writer = writer(path, Duration.ofMillis(10), Duration.ofMillis(50))) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> owner.submit(() -> writer.saveNow()).get().get(5, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof java.io.IOException, String.valueOf(failed.getCause()));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).startsWith("The session could not be saved"), problems.get(0));
            assertEquals("a file where the session folder should be", Files.readString(blocked));

            Files.delete(blocked);
            version.set(3);
            onOwner(writer::changed);
            waitFor("the retry", () -> Files.exists(path));
            assertEquals(3, savedVersion(path));
        }
        assertFalse(Files.exists(dir.resolve("not-a-folder/session.json.tmp")));
    }

    @Test
    void settleMustNotExceedTheCap() {
        assertThrows(IllegalArgumentException.class, () -> writer(dir.resolve("s.json"), Duration.ofSeconds(2),
                Duration.ofSeconds(1)));
    }
}
