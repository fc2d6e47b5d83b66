package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.Site;
import dev.stowage.storage.StorageKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Scope and lifetime" of web-storage-behaviour.md: who shares an area with whom, and for how long. */
class ScopeAndLifetimeTest extends PageTestBase {
    private static String first(TestTab tab) {
        return tab.evalString("window.__first");
    }

    @Test
    void framesOfOneTabShareByOriginAndOpaqueOriginsGetSecurityError() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.run(server.url("/scope-frames.html")).assertAllPass(16);
            assertEquals("p", Fx.call(() -> ns.area(Origin.of(server.url("/"))).get("parent")),
                    "the page's writes are in the tab's namespace, in Java");
            StorageKey framed = new StorageKey(Origin.of(server.otherOriginUrl("/")), Site.of(Origin.of(server.url("/"))));
            assertEquals("written by http://localhost:" + server.port(), Fx.call(() -> ns.area(framed).get("cross")),
                    "the cross-site iframe wrote to its origin's partition under the page's site, same namespace");
            assertNull(Fx.call(() -> ns.area(Origin.of(server.otherOriginUrl("/"))).get("cross")),
                    "not to its origin's first-party area");
            assertEquals(0, tab.storage.failureProperty().get() == null ? 0 : 1, tab.storage.failureProperty().get());
        }
    }

    @Test
    void webKitsOwnSessionStorageAgreesOnFrames() {
        try (TestTab tab = TestTab.nativeStorage()) {
            tab.run(server.url("/scope-frames.html")).assertAllPass(16);
        }
    }

    @Test
    void theFirstScriptOfADocumentSeesTheTabsArea() {
        SessionNamespace ns = newNamespace();
        Fx.run(() -> ns.area(Origin.of(server.url("/"))).set("seed", "put there by Java"));
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html"));
            assertTrue(first(tab).contains("\"seed\":\"put there by Java\""), first(tab));
        }
    }

    @Test
    void oneNamespacePerTabAndOtherTabsNeverSeeIt() {
        SessionNamespace a = newNamespace();
        SessionNamespace b = newNamespace();
        try (TestTab tabA = TestTab.injected(() -> a); TestTab tabB = TestTab.injected(() -> b)) {
            tabA.load(server.url("/probe.html"));
            tabB.load(server.url("/probe.html"));
            tabA.eval("sessionStorage.setItem('parent', 'only in A')");
            assertEquals("only in A", tabA.evalString("sessionStorage.getItem('parent')"));
            assertEquals("null", tabB.evalString("String(sessionStorage.getItem('parent'))"));
            tabB.load(server.url("/probe.html"));
            assertTrue(first(tabB).contains("\"parent\":null"), "a reload of B still does not see A: " + first(tabB));
            assertEquals("0", tabB.evalString("window.__events.length"), "B got no storage event from A");
            assertFalse(Fx.call(() -> b.existingArea(Origin.of(server.url("/")))
                    .map(area -> area.get("parent") != null).orElse(false)));
        }
    }

    @Test
    void navigationReloadAndHistoryKeepTheAreaAndOtherOriginsDoNotSeeIt() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html?1"));
            tab.eval("sessionStorage.setItem('parent', 'kept')");
            tab.load(server.url("/probe.html?2"));
            assertTrue(first(tab).contains("\"parent\":\"kept\""), "after navigation: " + first(tab));
            tab.navigate("reload", tab.engine::reload);
            assertTrue(first(tab).contains("\"parent\":\"kept\""), "after reload: " + first(tab));
            tab.load(server.otherOriginUrl("/probe.html?3"));
            assertTrue(first(tab).contains("\"parent\":null"), "another origin, same tab: " + first(tab));
            tab.eval("sessionStorage.setItem('parent', 'other origin')");
            tab.navigate("back", () -> tab.engine.getHistory().go(-1));
            assertEquals("?2", tab.evalString("location.search"));
            assertTrue(first(tab).contains("\"parent\":\"kept\""), "back through history: " + first(tab));
            tab.load(server.url("/probe.html?upper").replace("127.0.0.1", "LOCALHOST"));
            assertTrue(first(tab).contains("\"parent\":\"other origin\""),
                    "hosts are case-insensitive (LOCALHOST is localhost): " + first(tab));
        }
    }

    @Test
    void loadContentIsOpaqueAndThrowsSecurityError() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            Fx.run(() -> tab.engine.loadContent("<html><body>x</body></html>"));
            tab.await("document.body && document.body.textContent === 'x'", Fx.TIMEOUT);
            assertEquals("SecurityError", tab.evalString(
                    "(function(){try{sessionStorage; return 'no error'}catch(e){return e.name}})()"));
            assertEquals(Set.of(), Fx.call(ns::origins), "an opaque document creates no area");
        }
    }

    @Test
    void fileUrlsShareOneOriginPerTab(@TempDir Path dir) throws Exception {
        String html = new String(ScopeAndLifetimeTest.class.getResourceAsStream("/dev/stowage/app/page/pages/probe.html")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/one.html"), html);
        Files.writeString(dir.resolve("b/two.html"), html);
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(dir.resolve("a/one.html").toUri().toString());
            tab.eval("sessionStorage.setItem('parent', 'from a file')");
            tab.load(dir.resolve("b/two.html").toUri().toString());
            assertTrue(first(tab).contains("\"parent\":\"from a file\""), first(tab));
            assertEquals("from a file", Fx.call(() -> ns.area(Origin.of("file:///x")).get("parent")));
        }
    }

    @Test
    void aDocumentThatCannotGetStorageIsReportedAndNeverGetsWebKitsOwn() {
        TestTab tab = TestTab.injected(() -> {
            throw new IllegalStateException("no namespace for this tab");
        });
        try {
            tab.load(server.url("/probe.html"));
            assertEquals("{\"ok\":false,\"error\":\"SecurityError\"}", first(tab));
            String failure = Fx.call(() -> tab.storage.failureProperty().get());
            assertTrue(failure != null && failure.contains("no namespace for this tab"), failure);
        } finally {
            Fx.run(() -> {
                tab.storage.close();
                tab.stage.close();
            });
        }
    }

    @Test
    void aTabReattachedToItsNamespaceFindsItsStorageBeforeTheFirstScript() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html"));
            tab.eval("sessionStorage.setItem('parent', 'survives the tab')");
        }
        try (TestTab reopened = TestTab.injected(() -> ns)) {
            reopened.load(server.url("/probe.html"));
            assertTrue(first(reopened).contains("\"parent\":\"survives the tab\""), first(reopened));
        }
    }
}
