package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a document's write log reaches Java. A large one (1,000 writes or more in one task) goes after the
 * page's task, in parts of 2,000 that are each a state the page had, and is never lost on the way: not when
 * the document goes away before its parts are sent, nor when the page navigates in the same task.
 */
class WriteLogTest extends PageTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String burst(String storage, int n, String then) {
        return "setTimeout(function () { var s = " + storage + "; for (var i = 0; i < " + n + "; i++) s.setItem('k' + i, 'v' + i); "
                + then + " window.__done = true; }, 0)";
    }

    /** The number of keys of each change Java's area reported, in order, and whether each continued the last. */
    private static Subscription recordParts(StorageArea area, List<Integer> parts, List<String> firstKeys) {
        return Fx.call(() -> area.addChangeListener(change -> {
            parts.add(change.changes().size());
            firstKeys.add(change.changes().keySet().iterator().next());
        }));
    }

    @Test
    void aBurstOf5000WritesReachesJavaInPartsOf2000InTheOrderWritten() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html"));
            StorageArea area = Fx.call(() -> ns.area(Origin.of(server.url("/"))));
            List<Integer> parts = new ArrayList<>();
            List<String> firstKeys = new ArrayList<>();
            try (Subscription ignored = recordParts(area, parts, firstKeys)) {
                tab.eval(burst("sessionStorage", 5000, ""));
                tab.await("window.__done", WAIT);
                Fx.waitUntil("the burst in Java", () -> area.length() == 5000, WAIT);
                assertEquals(List.of(2000, 2000, 1000), Fx.call(() -> List.copyOf(parts)),
                        "one change per part, each after the page's task");
                assertEquals(List.of("k0", "k2000", "k4000"), Fx.call(() -> List.copyOf(firstKeys)));
            }
            assertEquals("k4999 v4999 k0", Fx.call(() -> area.key(4999) + " " + area.get("k4999") + " " + area.key(0)));
        }
    }

    @Test
    void aLogThatRewroteAKeyGoesWholeBecauseItsPartsWereNeverThePagesState() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html"));
            StorageArea area = Fx.call(() -> ns.area(Origin.of(server.url("/"))));
            List<Integer> parts = new ArrayList<>();
            try (Subscription ignored = recordParts(area, parts, new ArrayList<>())) {
                tab.eval(burst("sessionStorage", 5000, "s.setItem('k0', 'last');"));
                tab.await("window.__done", WAIT);
                Fx.waitUntil("the burst in Java", () -> area.length() == 5000, WAIT);
                assertEquals(List.of(5000), Fx.call(() -> List.copyOf(parts)));
            }
            assertEquals("last", Fx.call(() -> area.get("k0")));
        }
    }

    @Test
    void anIframesLogIsSentWhenTheIframeIsRemovedInTheSameTask() {
        server.page("/large-log-parent.html", "<!doctype html><html><body><iframe id='f' src='/probe.html'></iframe></body></html>");
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/large-log-parent.html"));
            tab.eval(burst("document.getElementById('f').contentWindow.sessionStorage", 3000,
                    "document.getElementById('f').remove();"));
            tab.await("window.__done", WAIT);
            Fx.waitUntil("the iframe's writes in Java", () -> ns.area(Origin.of(server.url("/"))).length() == 3000, WAIT);
            assertEquals("v2999", Fx.call(() -> ns.area(Origin.of(server.url("/"))).get("k2999")));
        }
    }

    @Test
    void aPageThatNavigatesRightAfterItsBurstFindsEveryWriteOnTheNextPage() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html"));
            tab.navigate("the next page", () -> tab.engine.executeScript(
                    burst("sessionStorage", 3000, "location.href = '/probe.html?next';")));
            assertEquals("3000 v2999", tab.evalString("sessionStorage.length + ' ' + sessionStorage.getItem('k2999')"));
            assertEquals(3000, Fx.call(() -> ns.area(Origin.of(server.url("/"))).length()));
        }
    }

    @Test
    void aKeyRemovedAndSetAgainInOneTaskReachesJavaAtTheTasksEnd() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html"));
            tab.eval("setTimeout(function () { sessionStorage.setItem('a', '1'); }, 0)");
            StorageArea area = Fx.call(() -> ns.area(Origin.of(server.url("/"))));
            Fx.waitUntil("the first write in Java", () -> "1".equals(area.get("a")), WAIT);
            tab.eval("setTimeout(function () { sessionStorage.removeItem('a'); sessionStorage.setItem('a', 'again');"
                    + " window.__done = true; }, 0)");
            tab.await("window.__done", WAIT);
            Fx.waitUntil("the set after the removal in Java", () -> "again".equals(area.get("a")), WAIT); // was never sent: the log's count said empty
        }
    }
}
