package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import org.junit.jupiter.api.Test;

/**
 * The handles the shell takes out of pages are never let go ({@link JsHandles} says how a collected handle
 * cut the shell off from an unrelated live page: measured in most full test runs before), and a live page
 * still hears from Java after other tabs' documents came and went and Java collected what it could.
 */
class HandleLifetimeTest extends PageTestBase {
    private static final String CHURN = "(function () { var keep = []; for (var i = 0; i < 200000; i++) {"
            + " keep.push({i: i, s: 'x' + i}); if (keep.length > 1000) keep = []; } return 0; })()";

    @Test
    void everyDocumentsHandlesAreKeptAndALivePageStillHearsFromJava() throws InterruptedException {
        int before = Fx.call(JsHandles::keptCount);
        for (int closed = 0; closed < 4; closed++) {
            SessionNamespace itsOwn = newNamespace();
            try (TestTab gone = TestTab.injected(() -> itsOwn)) {
                gone.load(server.url("/probe.html?gone-" + closed));
                gone.load(server.url("/probe.html?gone-again-" + closed));
            }
        }
        int kept = Fx.call(JsHandles::keptCount) - before;
        assertTrue(kept >= 2 * 8, "an installer and a receiver per document, at least: " + kept);

        SessionNamespace ns = newNamespace();
        Origin origin = Origin.of(server.url("/"));
        try (TestTab tab = TestTab.injected(() -> ns)) {
            tab.load(server.url("/probe.html?live"));
            tab.eval(CHURN);
            for (int i = 0; i < 2; i++) {
                System.gc();
                Thread.sleep(30);
                Fx.run(() -> { }); // collected handles' disposers run on the FX thread
            }
            Fx.run(() -> ns.area(origin).set("from-java", "pushed"));
            assertEquals("pushed", tab.evalString("sessionStorage.getItem('from-java')"), "Java's change reached the page");
            tab.eval("sessionStorage.setItem('from-page', 'sent')");
            Fx.run(() -> tab.storage.flush());
            assertEquals("sent", Fx.call(() -> ns.area(origin).get("from-page")), "the page's write reached Java");
            tab.assertNoInjectionFailure();
        }
    }
}
