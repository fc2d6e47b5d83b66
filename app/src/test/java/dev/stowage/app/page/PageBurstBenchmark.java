package dev.stowage.app.page;

import dev.stowage.app.testing.Fx;
import dev.stowage.app.testing.FxProbe;
import dev.stowage.app.testing.PageClock;
import dev.stowage.app.testing.TestServer;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netscape.javascript.JSObject;
import org.junit.jupiter.api.Test;

/**
 * A page's task that writes 10,000 new keys, as a click or timer handler would: how long the page's own
 * task holds the FX thread with the shell's sessionStorage and with WebKit's own (an engine without
 * injection), and the FX thread's longest stretch besides the page's task (the shell's part: sending the
 * log, Java applying it). Rounds alternate the columns, so a disturbance lands on all alike.
 * {@code -Dbench.prefill=N} fills the shell's area with N keys first (WebKit's own quota, 5 MB, allows no
 * such prefill). Not part of {@code mvn verify}:
 *
 * <pre>mvn -B -o -pl app -am test -Dtest=PageBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class PageBurstBenchmark {
    private static final int BURST = 10_000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
    private static final String PAGE = "<!doctype html><html><body>burst<script>"
            + "window.runBurst = function (name, prefix) { window.__done = false; setTimeout(function () {"
            + " var s = window[name]; __clock.start();"
            + " for (var i = 0; i < " + BURST + "; i++) s.setItem(prefix + i, 'v' + i);"
            + " __clock.end(); window.__done = true; }, 0); };</script></body></html>";

    private record Column(String name, TestTab tab, String storage, PageClock clock,
                          List<Double> pageTask, List<Double> besides,
                          List<Double> besidesCollector) {
    }

    @Test
    void aPagesTaskOf10kWrites() throws Exception {
        try (TestServer server = new TestServer()) {
            server.page("/burst.html", PAGE);
            SessionStorageService service = Fx.call(() -> new SessionStorageService(64L * 1024 * 1024));
            var ns = Fx.call(service::createNamespace);
            var mapNs = Fx.call(service::createNamespace);
            int prefill = Integer.getInteger("bench.prefill", 0);
            prefill(ns, server, prefill);
            prefill(mapNs, server, prefill);
            try (TestTab injected = TestTab.injected(() -> ns); TestTab plain = TestTab.nativeStorage();
                 TestTab unpacked = TestTab.injected(() -> mapNs)) {
                // The shell's cache packs an area's items from 16,384 on (install parts 4 and 5); this column
                // keeps them in a Map at any size, as before, to show what packing costs a page's writes.
                Fx.run(() -> unpacked.storage.packItemsFrom(Integer.MAX_VALUE));
                List<Column> columns = List.of(
                        column("shell sessionStorage", injected, "sessionStorage"),
                        column("shell sessionStorage, never packed", unpacked, "sessionStorage"),
                        column("WebKit's sessionStorage", plain, "sessionStorage"),
                        column("WebKit's localStorage", plain, "localStorage"));
                for (TestTab tab : List.of(injected, plain, unpacked)) {
                    tab.load(server.url("/burst.html"));
                }
                for (int round = 0; round <= ROUNDS; round++) {
                    for (Column column : columns) {
                        run(column, "r" + round + "-", round > 0);
                    }
                }
                System.out.printf("page burst benchmark: a page task of %d new keys, %d rounds, shell area prefilled with %d keys (median / max, ms)%n",
                        BURST, ROUNDS, prefill);
                for (Column c : columns) {
                    System.out.printf("  %s: the page's own task %s; the FX thread's longest stretch besides it %s"
                            + " (and less the collector's pauses: %s)%n",
                            c.name(), spread(c.pageTask()), spread(c.besides()), spread(c.besidesCollector()));
                }
            }
        }
    }

    private static void prefill(SessionNamespace ns, TestServer server, int prefill) {
        Fx.run(() -> {
            Map<String, String> items = new LinkedHashMap<>();
            for (int i = 0; i < prefill; i++) {
                items.put("key-" + i, "value " + i + " " + "x".repeat(40));
            }
            ns.area(Origin.of(server.url("/"))).set(items);
        });
    }

    private static Column column(String name, TestTab tab, String storage) {
        return new Column(name, tab, storage, new PageClock(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private static void run(Column c, String prefix, boolean counted) throws InterruptedException {
        Fx.call(() -> {
            ((JSObject) c.tab().engine.executeScript("window")).setMember("__clock", c.clock());
            return null;
        });
        Thread.sleep(200);
        try (FxProbe probe = FxProbe.start()) {
            c.tab().eval("runBurst('" + c.storage() + "', '" + prefix + "')");
            c.tab().await("window.__done", java.time.Duration.ofSeconds(10));
            Thread.sleep(200); // the shell sends the log after the page's task
            probe.close();
            List<long[]> task = c.clock().take();
            if (counted) {
                c.pageTask().add((task.get(0)[1] - task.get(0)[0]) / 1e6);
                c.besides().add(probe.longestBesidesMs(task));
                c.besidesCollector().add(probe.longestBesidesAndCollectorMs(task));
            }
        }
        if (!c.name().startsWith("shell")) {
            c.tab().eval(c.storage() + ".clear()"); // WebKit's quota is 5 MB
        }
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%.1f / %.1f", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
