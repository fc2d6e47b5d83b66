package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.StorageArea;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import netscape.javascript.JSObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages that attack the shell's sessionStorage: nothing leaks, nothing crashes, the FX thread keeps up. */
class HostilePageTest extends PageTestBase {
    @BeforeAll
    static void registerPages() {
        server.page("/tamper-parent.html", "<!doctype html><html><body><iframe src='/tamper-receiver.html'></iframe></body></html>");
    }

    @Test
    void tamperedGlobalsForgedArgumentsAndBuiltInNamesChangeNothing() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.run(server.url("/hostile.html")).assertAllPass(30);
            StorageArea area = Fx.call(() -> ns.area(Origin.of(server.url("/"))));
            assertEquals("odd\uDFFF\u0000value", Fx.call(() -> area.get("odd\uD800\u0000key")),
                    "lone surrogates and \\0 cross the bridge unchanged, both ways");
            assertEquals("v", Fx.call(() -> area.get("forged")));
            assertEquals(List.of(Origin.of(server.url("/"))), List.copyOf(Fx.call(ns::origins)),
                    "forged origin arguments created no other area");
            assertTrue(Fx.call(() -> service.namespace("some-other-tab")).isEmpty());
        }
    }

    /** The same page with the cache's packed form (install part 5) from the first item. */
    @Test
    void tamperedGlobalsChangeNothingWithPackedItems() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            Fx.run(() -> tab.storage.packItemsFrom(0));
            tab.run(server.url("/hostile.html")).assertAllPass(30);
            assertEquals("odd\uDFFF\u0000value", Fx.call(() -> ns.area(Origin.of(server.url("/"))).get("odd\uD800\u0000key")));
        }
    }

    @Test
    void aReceiverWithTamperedGlobalsStillGetsCoherentCachesAndEvents() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/tamper-parent.html"));
            tab.eval("sessionStorage.setItem('k', 'v')");
            assertEquals("v", tab.evalString("frames[0].sessionStorage.getItem('k')"));
            tab.await("frames[0].got.length === 1", Duration.ofSeconds(5));
            assertEquals("k=v@true", tab.evalString("frames[0].got[0]"));
        }
    }

    @Test
    void aPageHoldingABridgeReachesOnlyItsThreeWrites() {
        SessionNamespace ns = newNamespace();
        StorageArea area = Fx.call(() -> ns.area(Origin.of("https://mine.example")));
        try (TestTab tab = TestTab.nativeStorage()) {
            tab.load(server.url("/probe.html"));
            DocumentBridge bridge = new DocumentBridge(area, ChangeSource.named("test"), 1, s -> false, problem -> { }, b -> false,
                    PageRequests.NONE);
            Fx.run(() -> ((JSObject) JsHandles.keep(tab.engine.executeScript("window"))).setMember("leaked", bridge));
            String probe = "(function(){ var out = {};"
                    + "['seedJson','area','source','connect','close','onChange','receiver','subscription','openCount','flush']"
                    + ".forEach(function(n){ out[n] = typeof leaked[n]; });"
                    + "try { out.forName = String(leaked.getClass().forName('java.lang.Runtime')); } catch (e) { out.forName = 'threw'; }"
                    + "try { out.methods = String(leaked.getClass().getMethods()); } catch (e) { out.methods = 'threw'; }"
                    + "try { out.loader = String(leaked.getClass().getClassLoader()); } catch (e) { out.loader = 'threw'; }"
                    + "try { leaked.wait(); out.wait = 'returned'; } catch (e) { out.wait = 'threw'; }"
                    + "out.set = leaked.apply('[\\\"s\\\",\\\"k\\\",\\\"v\\\"]');"
                    + "try { out.forged = leaked.apply('[\\\"s\\\",\\\"k2\\\",\\\"v\\\"]', 'https://bank.example', 'tab-2'); } catch (e) { out.forged = 'threw'; }"
                    + "out.junk = leaked.apply('{not json');"
                    + "return JSON.stringify(out); })()";
            String result = tab.evalString(probe);
            for (String hidden : List.of("seedJson", "area", "source", "connect", "close", "onChange", "receiver",
                    "subscription", "openCount", "flush")) {
                assertTrue(result.contains("\"" + hidden + "\":\"undefined\""), hidden + " is reachable: " + result);
            }
            assertFalse(result.contains("class java.lang.Runtime"), "forName must not hand out classes: " + result);
            assertTrue(result.contains("\"methods\":\"threw\""), result);
            assertTrue(result.contains("\"loader\":\"threw\""), result);
            assertTrue(result.contains("\"set\":0"), result);
            assertTrue(result.contains("\"junk\":3"), "a malformed batch is rejected: " + result);
            assertEquals("v", Fx.call(() -> area.get("k")));
            assertEquals(List.of(Origin.of("https://mine.example")), List.copyOf(Fx.call(ns::origins)),
                    "no argument can name another origin: " + result);
        }
    }

    @Test
    void hundredThousandKeysAndNearQuotaValuesSeedNewDocuments() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html"));
            long t0 = System.nanoTime();
            tab.eval("for (var i = 0; i < 100000; i++) { sessionStorage.setItem('key' + i, 'v' + i); }");
            long writeMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(100_000, Fx.call(() -> ns.area(Origin.of(server.url("/"))).length()));
            tab.load(server.url("/probe.html?again"));
            assertEquals("100000", tab.evalString("sessionStorage.length"));
            assertEquals("v99999", tab.evalString("sessionStorage.getItem('key99999')"));
            long t1 = System.nanoTime();
            assertEquals("100000", tab.evalString(
                    "(function(){var n=0; for (var i = 0; i < sessionStorage.length; i++) { if (sessionStorage.key(i)) n++; } return n;})()"));
            long scanMs = (System.nanoTime() - t1) / 1_000_000;
            assertEquals("100000", tab.evalString("Object.keys(sessionStorage).length"));
            System.out.println("100k keys: written in " + writeMs + " ms, key(i) scan in " + scanMs + " ms");
            tab.eval("sessionStorage.clear()");
            // Just under the 5 MiB quota: 2 bytes per unit, minus the key.
            tab.eval("sessionStorage.setItem('big', 'z'.repeat(5 * 512 * 1024 - 3))");
            assertEquals("QuotaExceededError", tab.evalString(
                    "(function(){try{sessionStorage.setItem('one', 'more'); return 'stored'}catch(e){return e.name}})()"));
            tab.load(server.url("/probe.html?big"));
            assertEquals(String.valueOf(5 * 512 * 1024 - 3), tab.evalString("sessionStorage.getItem('big').length"));
            assertEquals("QuotaExceededError", tab.evalString(
                    "(function(){try{sessionStorage.setItem('v', 'x'.repeat(3 * 1024 * 1024)); return 'stored'}catch(e){return e.name}})()"));
        }
    }

    @Test
    void aTightWriterLoopLeavesTheFxThreadResponsive() throws Exception {
        SessionNamespace ns = newNamespace();
        server.page("/writer.html", "<!doctype html><html><body><iframe src='/event-listener.html'></iframe><script>"
                + "window.writes = 0; window.stop = false;"
                + "function burst() { for (var i = 0; i < 2000; i++) { sessionStorage.setItem('k' + (i % 50), String(writes++)); }"
                + " if (!stop) setTimeout(burst, 0); }"
                + "</script></body></html>");
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/writer.html"));
            tab.eval("burst()");
            List<Long> latenciesMs = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                CompletableFuture<Void> ping = new CompletableFuture<>();
                Platform.runLater(() -> ping.complete(null));
                ping.get(10, TimeUnit.SECONDS);
                latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(20);
            }
            tab.eval("window.stop = true");
            long writes = Long.parseLong(tab.evalString("writes"));
            long max = latenciesMs.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.println("tight writer: " + writes + " writes in 2 s, FX ping max " + max + " ms over "
                    + latenciesMs.size() + " pings");
            assertTrue(writes > 10_000, "the writer ran: " + writes);
            assertTrue(max < 1000, "the FX thread answered within 1 s while the writer ran: " + latenciesMs);
            try {
                tab.await("frames[0].log.length > 0", Duration.ofSeconds(10));
            } catch (AssertionError e) {
                // Seen once in a full-suite run and never again in 15 reruns: say what the tab looked like.
                throw new AssertionError("the listening iframe got no event; live documents "
                        + Fx.call(tab.storage::liveDocumentCount) + ", injection failure "
                        + Fx.call(() -> tab.storage.failureProperty().get()) + ", iframe "
                        + tab.evalString("(function () { try { return frames[0].location.href + ', length '"
                        + " + frames[0].sessionStorage.length + ', parent length ' + sessionStorage.length; }"
                        + " catch (e) { return String(e); } })()"), e);
            }
            assertEquals("true", tab.evalString("(function(){ var a = sessionStorage, b = frames[0].sessionStorage;"
                    + " for (var i = 0; i < 50; i++) { if (a.getItem('k' + i) !== b.getItem('k' + i)) return 'k' + i; }"
                    + " return a.length === b.length; })()"), "the listener's cache is coherent after the storm");
        }
    }

    @Test
    void aThousandNavigationsDoNotGrowTheLiveBridges() {
        SessionNamespace ns = newNamespace();
        server.page("/nav.html", "<!doctype html><html><body><iframe src='/probe.html'></iframe>"
                + "<script>sessionStorage.setItem('n', String(Number(sessionStorage.getItem('n') || 0) + 1));</script></body></html>");
        int openBefore = DocumentBridge.openCount();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            for (int i = 0; i < 1000; i++) {
                tab.load(server.url("/nav.html?" + i));
            }
            assertEquals("1000", tab.evalString("sessionStorage.getItem('n')"));
            int live = Fx.call(tab.storage::liveDocumentCount);
            assertEquals(2, live, "one bridge for the page, one for its iframe");
            assertEquals(openBefore + 2, DocumentBridge.openCount(), "every replaced document's bridge was closed");
            assertNotEquals(0L, Fx.call(tab.storage::documentsStarted));
            assertTrue(Fx.call(tab.storage::documentsStarted) >= 2000);
        }
        assertEquals(openBefore, DocumentBridge.openCount(), "closing the tab closes its bridges");
    }
}
