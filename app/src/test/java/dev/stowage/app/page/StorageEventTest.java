package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import java.time.Duration;
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
