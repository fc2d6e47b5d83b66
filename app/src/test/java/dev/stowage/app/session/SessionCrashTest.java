package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.TestServer;
import dev.stowage.session.TabState;
import dev.stowage.session.file.ProfileSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's crash test, black box: the real app in a child JVM runs a page that writes sessionStorage every
 * 50 ms (and tells the server each value it wrote), and is killed with SIGKILL at random moments, 20 times
 * over the same profile; each start but the first restores the previous one's session, so the page carries
 * on from the restored storage. After each kill the session a next start would read must load without a
 * notice, name the page, hold {@code tick} in the tab's storage, and lose at most {@link #MAX_LOSS_MILLIS} of
 * writes: from the oldest write of that run the save lacks to the last write the server saw ({@link SessionKeeper#CAP} is 1 s; the rest is
 * margin for a 2-CPU machine running the child JVM). Prints the loss distribution (docs/BENCHMARKS.md).
 */
class SessionCrashTest {
    private static final int KILLS = 20;
    private static final long MAX_LOSS_MILLIS = 2500;
    private static final String TICKER = """
            <!doctype html><html><head><title>Ticker</title><script>
            var run = new URLSearchParams(location.search).get('run') || '?';
            var n = +(sessionStorage.getItem('n') || 0);
            setInterval(function () {
              n++;
              var t = Date.now();
              sessionStorage.setItem('tick', String(t));
              sessionStorage.setItem('n', String(n));
              new Image().src = '/beacon?t=' + t + '&n=' + n;
            }, 50);
            </script></head><body>ticking</body></html>
            """;

    @Test
    void sigkillAtRandomMomentsLosesAtMostAboutASecond() throws Exception {
        Path root = Files.createTempDirectory("stowage-crash");
        Path profile = root.resolve("profile");
        Random random = new Random();
        List<Long> losses = new ArrayList<>();
        List<Long> writesLost = new ArrayList<>();
        long lastN = 0;
        try (TestServer server = new TestServer()) {
            server.page("/ticker", TICKER);
            String url = server.url("/ticker");
            for (int kill = 1; kill <= KILLS; kill++) {
                int beaconsBefore = beacons(server).size();
                long started = System.nanoTime();
                // The first start opens the page; every later one restores it from the session alone.
                ChildApp app = kill == 1 ? ChildApp.start(root.resolve("run" + kill), profile, url)
                        : ChildApp.start(root.resolve("run" + kill), profile);
                long firstBeacon = 0;
                long deadline = started + TimeUnit.SECONDS.toNanos(30);
                while (firstBeacon == 0 || !Files.exists(profile.resolve("session/session.json"))) {
                    if (System.nanoTime() > deadline || !app.process.isAlive()) {
                        app.process.destroyForcibly().waitFor();
                        throw new AssertionError("start " + kill + ": the page never wrote (alive="
                                + app.process.isAlive() + ")\n" + app.stderrTail());
                    }
                    if (firstBeacon == 0 && beacons(server).size() > beaconsBefore) {
                        firstBeacon = System.nanoTime();
                    }
                    Thread.sleep(20);
                }
                // A random moment: 1.5-4 s after start, and 0-1.2 s into the page's writing (so the kill
                // falls anywhere in the saver's settle/cap cycle).
                long killAt = Math.max(started + millisToNanos(1500 + random.nextInt(2500)),
                        firstBeacon + millisToNanos(random.nextInt(1200)));
                long wait = killAt - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                app.process.destroyForcibly();
                assertTrue(app.process.waitFor(10, TimeUnit.SECONDS), "SIGKILL did not end the child");
                List<long[]> thisRun = beacons(server);
                thisRun = thisRun.subList(beaconsBefore, thisRun.size());
                long lastWrite = thisRun.stream().mapToLong(b -> b[0]).max().orElseThrow();
                long lastWriteN = thisRun.stream().mapToLong(b -> b[1]).max().orElseThrow();
                long writingMillis = lastWrite - thisRun.get(0)[0];

                ProfileSession.Startup saved = ChildApp.load(profile);
                String where = "after kill " + kill + " (" + app.workDir + ")";
                assertTrue(saved.notices().isEmpty(), where + ": notices " + saved.notices());
                assertTrue(saved.state().isPresent(), where + ": no session");
                TabState tab = ChildApp.onlyTab(saved.state().get());
                assertEquals(url, tab.current().url(), where);
                String tick = ChildApp.stored(saved, tab, "tick")
                        .orElseThrow(() -> new AssertionError(where + ": no tick in the tab's storage"));
                long n = Long.parseLong(ChildApp.stored(saved, tab, "n").orElseThrow());
                assertTrue(n >= lastN, where + ": the page started over (n " + n + " < " + lastN
                        + "): the restored storage was not used");
                lastN = n;
                // The loss: from the oldest write of this run the save does not hold to the last one the
                // server saw (0 if the save holds the last write). Writes are numbered on from the
                // restored storage, so the unsaved ones are those numbered past the saved n.
                long loss = thisRun.stream().filter(b -> b[1] > n).mapToLong(b -> b[0]).min()
                        .stream().map(oldestLost -> lastWrite - oldestLost).findFirst().orElse(0);
                losses.add(loss);
                writesLost.add(lastWriteN - n);
                System.out.printf("kill %2d at %5d ms after start, %4d ms into writing: lost %4d ms, %2d writes"
                        + " (saved n=%d, tick age %d ms)%n", kill, TimeUnit.NANOSECONDS.toMillis(killAt - started),
                        writingMillis, loss, lastWriteN - n, n, lastWrite - Long.parseLong(tick));
                assertTrue(loss <= MAX_LOSS_MILLIS, where + ": lost " + loss + " ms of writes");
            }
            System.out.println("SessionCrashTest loss ms (last write seen - saved tick): "
                    + ChildApp.distribution(losses) + "; writes lost (50 ms apart): "
                    + ChildApp.distribution(writesLost));
        }
        ChildApp.deleteTree(root);
    }

    private static long millisToNanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Every beacon so far: {t, n}. */
    private static List<long[]> beacons(TestServer server) {
        List<long[]> found = new ArrayList<>();
        for (String request : server.requests()) {
            if (request.startsWith("/beacon?")) {
                long t = 0;
                long n = 0;
                for (String pair : request.substring("/beacon?".length()).split("&")) {
                    if (pair.startsWith("t=")) {
                        t = Long.parseLong(pair.substring(2));
                    } else if (pair.startsWith("n=")) {
                        n = Long.parseLong(pair.substring(2));
                    }
                }
                found.add(new long[] {t, n});
            }
        }
        return found;
    }
}
