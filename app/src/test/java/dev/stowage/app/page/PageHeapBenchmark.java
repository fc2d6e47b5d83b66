package dev.stowage.app.page;

import dev.stowage.app.testing.Fx;
import dev.stowage.app.testing.FxProbe;
import dev.stowage.app.testing.TestServer;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a page's sessionStorage cache costs the FX thread at each collection of the JVM: JavaFX then runs a
 * full, synchronous collection of JavaScriptCore's heap there (docs/BENCHMARKS.md says how). A tab holds
 * an area of N items (~55-character values), its cache packed (install part 5) or kept in a Map; the JVM
 * is asked to collect ({@code System.gc()}), and {@link FxProbe} gives the FX thread's longest stretch
 * meanwhile, less the JVM's own pauses. Cases alternate, so a disturbance lands on all alike. Not part of
 * {@code mvn verify}:
 *
 * <pre>mvn -B -o -pl app -am test -Dtest=PageHeapBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class PageHeapBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final int SAMPLES = 5;

    private record Case(String name, int items, int packFrom, List<Double> stretches) {
    }

    @Test
    void aCollectionOfTheJvmWithALargeAreaInAPage() throws Exception {
        List<Case> cases = List.of(
                new Case("no items", 0, InstallScript.PACK_ITEMS_FROM, new ArrayList<>()),
                new Case("16,383 items in a Map", 16_383, InstallScript.PACK_ITEMS_FROM, new ArrayList<>()),
                new Case("100,000 items packed", 100_000, InstallScript.PACK_ITEMS_FROM, new ArrayList<>()),
                new Case("100,000 items in a Map", 100_000, Integer.MAX_VALUE, new ArrayList<>()));
        try (TestServer server = new TestServer()) {
            server.page("/page.html", "<!doctype html><title>page</title><body>page</body>");
            SessionStorageService service = Fx.call(() -> new SessionStorageService(64L * 1024 * 1024));
            for (int round = 0; round <= ROUNDS; round++) {
                for (Case c : cases) {
                    measure(c, service, server, round > 0);
                }
            }
        }
        System.out.printf("page heap benchmark: the FX thread's longest stretch at a collection of the JVM, less its"
                + " pauses, %d rounds of %d collections (median / max, ms)%n", ROUNDS, SAMPLES);
        for (Case c : cases) {
            System.out.printf("  %s: %s%n", c.name(), spread(c.stretches()));
        }
    }

    private static void measure(Case c, SessionStorageService service, TestServer server, boolean counted)
            throws InterruptedException {
        SessionNamespace ns = Fx.call(service::createNamespace);
        Fx.run(() -> {
            Map<String, String> items = new LinkedHashMap<>();
            for (int i = 0; i < c.items(); i++) {
                items.put("key-" + i, "value " + i + " " + "x".repeat(40) + (i % 977));
            }
            ns.area(Origin.of(server.url("/"))).set(items);
        });
        try (TestTab tab = TestTab.injected(() -> ns)) {
            Fx.run(() -> tab.storage.packItemsFrom(c.packFrom()));
            tab.load(server.url("/page.html"));
            tab.eval("sessionStorage.length");
            collect(2); // the seed's garbage goes first: what is left is the cache itself
            for (int i = 0; i < SAMPLES; i++) {
                try (FxProbe probe = FxProbe.start()) {
                    Thread.sleep(30);
                    collect(1);
                    probe.close();
                    if (counted) {
                        c.stretches().add(probe.longestBesidesCollectorMs());
                    }
                }
            }
            tab.load("about:blank");
            collect(2);
        }
    }

    // The disposer posts JavaScriptCore's collection to the FX thread once the JVM freed its sentinel.
    private static void collect(int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            System.gc();
            Thread.sleep(150);
        }
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%.1f / %.1f", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
