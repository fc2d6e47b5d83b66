package dev.stowage.app.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.testing.ShellTestBase;
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
 * Click to the new tab's first script: a {@code window.open} button clicked by the robot in the real shell,
 * with an opener tab whose sessionStorage is empty against one holding 10 origins of just under 5 MiB each
 * (the page's own origin among them, so the new page's first script gets a 5 MiB copy). Rounds alternate
 * the two, each in a fresh window; the times are {@code Date.now()} in the opener's click handler and in
 * the new page's first inline script, the same clock. Not part of {@code mvn verify} (its name does not end
 * in Test):
 *
 * <pre>mvn -B -q -pl app -am verify -Dtest=NewTabCopyBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class NewTabCopyBenchmark extends ShellTestBase {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 9);
    private static final int ITEMS_PER_ORIGIN = 2_600;
    private static final String VALUE = "x".repeat(1_000);

    private SessionStorageService storage;

    @Test
    void clickToFirstScriptWithABigOpenerAgainstAnEmptyOne() {
        server.page("/bench/opener", "<!doctype html><title>opener</title>"
                + "<button id='open' style='width: 200px; height: 40px'"
                + " onclick=\"window.__clickAt = Date.now(); window.open(window.__target)\">open</button>");
        // The time is taken once the first script has read the storage, so that a lazy copy could not hide.
        server.page("/bench/popup", "<!doctype html><script>window.__length = sessionStorage.length;"
                + "window.__firstAt = Date.now();</script><title>popup</title>");
        List<Long> empty = new ArrayList<>();
        List<Long> big = new ArrayList<>();
        List<Long> bigOtherOrigin = new ArrayList<>();
        List<Long> emptyOtherOrigin = new ArrayList<>();
        String sameOrigin = server.url("/bench/popup");
        String otherOrigin = "http://localhost:" + server.hostPort().split(":")[1] + "/bench/popup";
        for (int round = 0; round < ROUNDS + 1; round++) {
            long e = once(false, sameOrigin);
            long b = once(true, sameOrigin);
            long o = once(true, otherOrigin);
            long eo = once(false, otherOrigin);
            if (round > 0) { // the first round warms the JIT and WebKit up
                empty.add(e);
                big.add(b);
                bigOtherOrigin.add(o);
                emptyOtherOrigin.add(eo);
            }
        }
        long emptyMedian = median(empty);
        // A page of another origin has its own baseline: reaching localhost costs WebKit more than 127.0.0.1.
        long emptyOtherMedian = median(emptyOtherOrigin);
        System.out.printf("new tab, click to first script (ms, median of %d): same-origin page: empty opener %d,"
                + " 10 x 5 MiB opener %d (ratio %.2f); other-origin page: empty opener %d, 10 x 5 MiB opener %d"
                + " (ratio %.2f)%n  empty: %s%n  big:   %s%n  other origin, empty: %s%n  other origin, big: %s%n",
                ROUNDS, emptyMedian, median(big), (double) median(big) / emptyMedian, emptyOtherMedian,
                median(bigOtherOrigin), (double) median(bigOtherOrigin) / emptyOtherMedian, empty, big,
                emptyOtherOrigin, bigOtherOrigin);
    }

    private long once(boolean fill, String target) {
        storage = new SessionStorageService();
        launchWithSessionStorage(storage);
        if (fill) {
            fx(() -> {
                SessionNamespace ns = storage.namespace(storage.namespaceIds().iterator().next()).orElseThrow();
                Map<String, String> items = new LinkedHashMap<>();
                for (int i = 0; i < ITEMS_PER_ORIGIN; i++) {
                    items.put("key" + i, VALUE);
                }
                ns.area(Origin.of(server.url("/"))).set(items);
                for (int o = 1; o < 10; o++) {
                    ns.area(Origin.of("https://site" + o + ".example")).set(items);
                }
                return null;
            });
        }
        BrowserTab opener = selectedTab();
        fx(() -> {
            opener.load(server.url("/bench/opener"));
            return null;
        });
        waitUntil("opener loaded", () -> "opener".equals(selected().labelBinding().get()) && !selected().loadingProperty().get());
        script(opener, "window.__target = '" + target + "'");
        robot.clickOn(elementOnScreen("open"));
        waitUntil("popup ran its first script", () -> window.model().tabs().size() == 2
                && "popup".equals(window.model().tabs().get(1).labelBinding().get()));
        BrowserTab popup = fx(() -> window.tab(window.model().tabs().get(1)));
        assertEquals(fill && target.contains("127.0.0.1") ? ITEMS_PER_ORIGIN : 0,
                ((Number) script(popup, "window.__length")).intValue());
        long clicked = ((Number) script(opener, "window.__clickAt")).longValue();
        long first = ((Number) script(popup, "window.__firstAt")).longValue();
        closeWindow();
        window = null;
        return first - clicked;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
