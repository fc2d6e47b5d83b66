package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.TestServer;
import dev.stowage.session.TabState;
import dev.stowage.session.file.ProfileSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's orderly quit, black box: 20 fresh launches of the real app in child JVMs (two at a time), each
 * with its own profile and working directory and a page that writes sessionStorage every 50 ms, get SIGTERM
 * once the page runs. Each must exit by itself within 20 s with code 143 (or 0), leave no
 * {@code hs_err_pid*.log} (WebKit used to crash the JVM at exit), and leave a session that loads without a
 * notice, names the page, and holds every write the page had reported before the signal: an orderly quit
 * loses nothing.
 */
class SessionTerminateTest {
    private static final int LAUNCHES = 20;
    private static final int AT_ONCE = 2;
    private static final String TICKER = """
            <!doctype html><html><head><title>Ticker</title><script>
            var run = new URLSearchParams(location.search).get('run');
            setInterval(function () {
              var t = Date.now();
              sessionStorage.setItem('tick', String(t));
              new Image().src = '/beacon?run=' + run + '&t=' + t;
            }, 50);
            </script></head><body>ticking</body></html>
            """;

    private record Outcome(int launch, int exitCode, long quitMillis) {
    }

    @Test
    void sigtermQuitsInOrderEveryTime() throws Exception {
        Path root = Files.createTempDirectory("stowage-term");
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try (TestServer server = new TestServer()) {
            server.page("/ticker", TICKER);
            List<Future<?>> launches = new ArrayList<>();
            for (int i = 1; i <= LAUNCHES; i++) {
                int launch = i;
                launches.add(pool.submit(() -> {
                    outcomes.add(launchAndTerminate(server, root.resolve("launch" + launch), launch));
                    return null;
                }));
            }
            for (Future<?> launch : launches) {
                launch.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> quits = outcomes.stream().map(Outcome::quitMillis).toList();
        System.out.println("SessionTerminateTest: " + outcomes.size() + " launches, exit codes "
                + outcomes.stream().map(Outcome::exitCode).sorted().toList() + ", SIGTERM-to-exit ms "
                + ChildApp.distribution(quits));
        assertEquals(LAUNCHES, outcomes.size());
        ChildApp.deleteTree(root);
    }

    private static Outcome launchAndTerminate(TestServer server, Path dir, int launch) throws Exception {
        Path profile = dir.resolve("profile");
        String url = server.url("/ticker?run=" + launch);
        ChildApp app = ChildApp.start(dir.resolve("cwd"), profile, url);
        String prefix = "/beacon?run=" + launch + "&t=";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (server.requests().stream().noneMatch(r -> r.startsWith(prefix))) {
            if (System.nanoTime() > deadline || !app.process.isAlive()) {
                app.process.destroyForcibly().waitFor();
                throw new AssertionError("launch " + launch + ": the page never ran\n" + app.stderrTail());
            }
            Thread.sleep(20);
        }
        Thread.sleep(300); // the page writes on for a while, so its writes meet the quit
        long lastBefore = lastWrite(server, prefix);
        long signalled = System.nanoTime();
        app.process.destroy(); // SIGTERM
        boolean exited = app.process.waitFor(20, TimeUnit.SECONDS);
        long quitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        String where = "launch " + launch + " (" + dir + ")";
        if (!exited) {
            app.process.destroyForcibly().waitFor();
            throw new AssertionError(where + ": still running 20 s after SIGTERM\n" + app.stderrTail());
        }
        int code = app.process.exitValue();
        assertTrue(app.crashFiles().isEmpty(), where + ": the JVM crashed: " + app.crashFiles() + "\n"
                + app.stderrTail());
        assertTrue(code == 143 || code == 0, where + ": exit code " + code + "\n" + app.stderrTail());

        ProfileSession.Startup saved = ChildApp.load(profile);
        assertTrue(saved.notices().isEmpty(), where + ": notices " + saved.notices());
        assertTrue(saved.state().isPresent(), where + ": no session saved");
        TabState tab = ChildApp.onlyTab(saved.state().get());
        assertEquals(url, tab.current().url(), where);
        long tick = Long.parseLong(ChildApp.stored(saved, tab, "tick")
                .orElseThrow(() -> new AssertionError(where + ": no tick in the tab's storage")));
        assertTrue(tick >= lastBefore, where + ": the last save lacks writes made before SIGTERM (saved "
                + tick + ", written " + lastBefore + ")");
        System.out.printf("launch %2d: exit %d after %d ms%n", launch, code, quitMillis);
        return new Outcome(launch, code, quitMillis);
    }

    private static long lastWrite(TestServer server, String prefix) {
        return server.requests().stream().filter(r -> r.startsWith(prefix))
                .mapToLong(r -> Long.parseLong(r.substring(prefix.length()))).max().orElseThrow();
    }
}
