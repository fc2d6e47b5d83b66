package dev.stowage.app.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ctrl+W, then Ctrl+Shift+T: the tab comes back where it was, with its sessionStorage in place before the
 * page's first script, and its back/forward list (Back and the page's own history.back()).
 */
class ReopenClosedTabUiTest extends ShellTestBase {
    private static final String COUNTER = "<!doctype html><html><head><script>"
            + "var n = Number(sessionStorage.getItem('n') || 0) + 1; sessionStorage.setItem('n', String(n));"
            + "document.title = 'n=' + n + ' ' + location.search;</script></head><body>counter</body></html>";

    private final SessionStorageService storage = new SessionStorageService();

    @BeforeAll
    static void pages() {
        server.page("/counter", COUNTER);
        server.titled("/other", "other", "other");
    }

    private void waitForSelectedTitle(String title) {
        waitUntil("selected tab shows " + title, () -> title.equals(selected().labelBinding().get())
                && !selected().loadingProperty().get());
    }

    @Test
    void aReopenedTabHasItsStorageAndItsHistory() {
        int before = fx(() -> storage.namespaceIds().size());
        launchWithSessionStorage(storage, server.url("/other"), server.url("/counter?1"), server.url("/other"));
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        BrowserTab counter = selectedTab();
        script(counter, "location.href = '/counter?2'");
        waitForSelectedTitle("n=2 ?2");

        focusPage();
        shortcut(KeyCode.W);
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        waitUntil("the closed tab unloaded, its namespace kept", () -> storage.namespaceIds().size() == before + 3);

        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        assertEquals(1, selectedIndex(), "back where it was");
        waitForSelectedTitle("n=3 ?2");
        BrowserTab reopened = selectedTab();
        assertEquals(before + 3, fx(() -> storage.namespaceIds().size()), "the same namespace, taken up again");

        script(reopened, "history.back()");
        waitForSelectedTitle("n=4 ?1");
        focusPage();
        keys(KeyCode.ALT, KeyCode.RIGHT);
        waitForSelectedTitle("n=5 ?2");

        fx(() -> {
            window.close();
            return null;
        });
        waitUntil("every namespace released", () -> storage.namespaceIds().size() == before);
    }

    @Test
    void aTabReopenedAndClosedAgainGoesBackOnTheListAndTheWindowLeavesNothingBehind() {
        int before = fx(() -> storage.namespaceIds().size());
        launchWithSessionStorage(storage, server.url("/other"), server.url("/counter?1"));
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        waitForSelectedTitle("n=1 ?1");
        for (int round = 2; round <= 3; round++) {
            focusPage();
            shortcut(KeyCode.W);
            waitUntil("one tab", () -> window.model().tabs().size() == 1);
            shortcut(KeyCode.SHIFT, KeyCode.T);
            waitUntil("two tabs", () -> window.model().tabs().size() == 2);
            waitForSelectedTitle("n=" + round + " ?1");
        }
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        assertEquals(List.of(server.url("/other")), tabUrls());
        fx(() -> {
            window.close();
            return null;
        });
        waitUntil("every namespace released, kept ones too", () -> storage.namespaceIds().size() == before);
    }
}
