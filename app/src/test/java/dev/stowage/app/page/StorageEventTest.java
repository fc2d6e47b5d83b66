package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "The storage event" of web-storage-behaviour.md. */
class StorageEventTest extends PageTestBase {
    /** WebKit's own events are trusted; ours are dispatched by script. Nothing else may differ. */
    private static final Set<String> WEBKIT_DEVIATIONS = Set.of();

    @Test
    void otherSameOriginDocumentsOfTheTabGetTheEvent() {
        SessionNamespace ns = Fx.call(service::createNamespace);
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.run(server.url("/storage-event.html")).assertAllPass(30);
        }
    }

    @Test
    void webKitsOwnSessionStorageGivesTheSameEvents() {
        try (TestTab tab = TestTab.nativeStorage()) {
            tab.run(server.url("/storage-event.html")).assertAllPassExcept(WEBKIT_DEVIATIONS, 30);
        }
    }

    @Test
    void neverToAnotherTabNorToATabOpenedAsACopy() {
        SessionNamespace a = Fx.call(service::createNamespace);
        SessionNamespace other = Fx.call(service::createNamespace);
        SessionNamespace copied = Fx.call(() -> service.cloneNamespace(a.id()));
        try (TestTab writer = TestTab.injected(() -> a);
             TestTab sameOriginOtherTab = TestTab.injected(() -> other);
             TestTab copy = TestTab.injected(() -> copied)) {
            writer.load(server.url("/event-listener.html"));
            sameOriginOtherTab.load(server.url("/event-listener.html"));
            copy.load(server.url("/event-listener.html"));
            writer.eval("sessionStorage.setItem('x', '1')");
            writer.eval("window.__mark = 0; setTimeout(() => window.__mark = 1, 50)");
            writer.await("window.__mark === 1", Duration.ofSeconds(5));
            assertEquals("0", sameOriginOtherTab.evalString("log.length"));
            assertEquals("0", copy.evalString("log.length"));
            assertEquals("null", copy.evalString("String(sessionStorage.getItem('x'))"), "a copy does not share later writes");
        }
    }

    @Test
    void aShellChangeWinsOverAPagesUnsentWritesOfTheSameKeys() {
        SessionNamespace ns = Fx.call(service::createNamespace);
        Origin origin = Origin.of(server.url("/"));
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/event-listener.html"));
            // executeScript reaches no microtask checkpoint, so these writes are still in the page's log
            // when the shell changes the area: Java must end up where the page is.
            Fx.run(() -> {
                tab.engine.executeScript("sessionStorage.setItem('a', 'page'); sessionStorage.setItem('b', 'page')");
                ns.area(origin).set("a", "shell");
                tab.storage.flush();
            });
            assertEquals("shell|page", tab.evalString("sessionStorage.getItem('a') + '|' + sessionStorage.getItem('b')"));
            assertEquals("shell|page", Fx.call(() -> ns.area(origin).get("a") + "|" + ns.area(origin).get("b")));
            Fx.run(() -> {
                tab.engine.executeScript("sessionStorage.setItem('c', 'page')");
                service.clearOrigin(origin);
                tab.storage.flush();
            });
            assertEquals("0", tab.evalString("sessionStorage.length"));
            assertEquals(0, Fx.call(() -> ns.area(origin).length()), "the clear was not undone by the page's log");
        }
    }

    @Test
    void aChangeOfManyKeysByTheShellReachesTheCacheAtOnceAndEachKeyGetsItsEventInOrder() {
        SessionNamespace ns = Fx.call(service::createNamespace);
        Origin origin = Origin.of(server.url("/"));
        ChangeSource importer = ChangeSource.named("importer", "stowage://test");
        // More keys than one task's share of events; odd characters in both keys and values.
        Map<String, String> items = new LinkedHashMap<>();
        items.put("kept", "new");
        items.put("q\"uote\\", "\u00e9\u2028\ud800 end");
        for (int i = 0; i < 2_500; i++) {
            items.put("k" + i, "v" + i);
        }
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/event-listener.html"));
            Fx.run(() -> ns.area(origin).set("kept", "old"));
            tab.await("log.length === 1", Duration.ofSeconds(5));
            Fx.run(() -> ns.area(origin).set(items, importer));
            assertEquals("2502|new|v2499", tab.evalString("sessionStorage.length + '|' + sessionStorage.getItem('kept') + '|'"
                    + " + sessionStorage.getItem('k2499')"), "the cache takes the whole change at once");
            assertEquals("233,8232,55296", tab.evalString("var v = sessionStorage.getItem('q\"uote\\\\');"
                    + " [v.charCodeAt(0), v.charCodeAt(1), v.charCodeAt(2)].join()"), "exact code units, a lone surrogate too");
            tab.await("log.length === 2503", Duration.ofSeconds(10));
            assertEquals("[\"kept\",\"old\",\"new\",\"stowage://test\"]",
                    tab.evalString("JSON.stringify([log[1].key, log[1].oldValue, log[1].newValue, log[1].url])"));
            assertEquals("true", tab.evalString("log.slice(3).every(function (e, i) { return e.key === 'k' + i"
                    + " && e.oldValue === null && e.newValue === 'v' + i && e.url === 'stowage://test'; })"),
                    "one event per key, in the order of the change");

            Fx.run(() -> ns.area(origin).remove(List.of("k0", "k1"), importer));
            tab.await("log.length === 2505", Duration.ofSeconds(5));
            assertEquals("[\"k0\",\"v0\",null,\"k1\",\"v1\",null,2500]", tab.evalString("JSON.stringify([log[2503].key,"
                    + " log[2503].oldValue, log[2503].newValue, log[2504].key, log[2504].oldValue, log[2504].newValue,"
                    + " sessionStorage.length])"));
        }
    }

    @Test
    void changesMadeByTheShellReachEveryDocument() {
        SessionNamespace ns = Fx.call(service::createNamespace);
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/event-listener.html"));
            Fx.run(() -> ns.area(Origin.of(server.url("/"))).set("fromJava", "j"));
            assertEquals("j", tab.evalString("sessionStorage.getItem('fromJava')"), "the cache follows Java at once");
            tab.await("log.length === 1", Duration.ofSeconds(5));
            assertEquals("[\"fromJava\",null,\"j\",\"\"]",
                    tab.evalString("JSON.stringify([log[0].key, log[0].oldValue, log[0].newValue, log[0].url])"));
            Fx.run(() -> service.clearOrigin(Origin.of(server.url("/"))));
            tab.await("log.length === 2", Duration.ofSeconds(5));
            assertEquals("0", tab.evalString("sessionStorage.length"));
        }
    }
}
