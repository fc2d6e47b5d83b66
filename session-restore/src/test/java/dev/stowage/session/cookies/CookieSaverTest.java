package dev.stowage.session.cookies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cookie saver: changes from many threads end in one settled save; saveNow is the quit path. */
class CookieSaverTest {
    @TempDir
    Path dir;

    private static StoredCookie cookie(int n) {
        return new StoredCookie("c" + n, "v", "a.example", "/", true, false, false, null, n);
    }

    @Test
    void changesFromManyThreadsAreSavedOnceTheySettle() throws Exception {
        CookieFile file = new CookieFile(dir.resolve(CookieFile.FILE_NAME), Clock.systemUTC());
        AtomicReference<List<StoredCookie>> store = new AtomicReference<>(List.of());
        List<String> snapshotThreads = new CopyOnWriteArrayList<>();
        try (CookieSaver saver = new CookieSaver(file, () -> {
            snapshotThreads.add(Thread.currentThread().getName());
            return store.get();
        }, m -> { }, Duration.ofMillis(50), Duration.ofMillis(200))) {
            CountDownLatch done = new CountDownLatch(4);
            for (int t = 0; t < 4; t++) {
                int base = t * 100;
                new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.updateAndGet(old -> {
                            List<StoredCookie> next = new ArrayList<>(old);
                            next.add(cookie(base + next.size()));
                            return next;
                        });
                        saver.changed();
                    }
                    done.countDown();
                }, "network-" + t).start();
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && (!Files.exists(file.path())
                    || new CookieFile(file.path(), Clock.systemUTC()).load().cookies().size() != 100)) {
                Thread.sleep(20);
            }
            assertEquals(store.get(), new CookieFile(file.path(), Clock.systemUTC()).load().cookies());
            assertFalse(snapshotThreads.isEmpty());
            assertTrue(snapshotThreads.stream().allMatch("cookie-saver"::equals), snapshotThreads.toString());
            assertTrue(snapshotThreads.size() < 100, "changes are coalesced: " + snapshotThreads.size() + " snapshots");
        }
    }

    @Test
    void saveNowWritesAtOnceAndCloseStopsSaving() throws Exception {
        CookieFile file = new CookieFile(dir.resolve(CookieFile.FILE_NAME), Clock.systemUTC());
        AtomicReference<List<StoredCookie>> store = new AtomicReference<>(List.of(cookie(1)));
        CookieSaver saver = new CookieSaver(file, store::get, m -> { }, Duration.ofSeconds(30), Duration.ofSeconds(60));
        saver.changed();
        saver.saveNow().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(cookie(1)), new CookieFile(file.path(), Clock.systemUTC()).load().cookies());
        saver.close();
        store.set(List.of(cookie(2)));
        saver.changed(); // ignored, never throws
        assertTrue(saver.saveNow().isCompletedExceptionally());
        assertEquals(List.of(cookie(1)), new CookieFile(file.path(), Clock.systemUTC()).load().cookies());
    }
}
