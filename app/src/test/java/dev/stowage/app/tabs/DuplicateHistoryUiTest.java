package dev.stowage.app.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import javafx.scene.input.KeyCode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Duplicate tab keeps the back/forward list: Back and Forward in the duplicate (keys, and the page's own
 * {@code history.back()}/{@code forward()}/{@code go()}) go where they would in the original, though
 * WebKit of the new tab only ever loaded one page.
 */
class DuplicateHistoryUiTest extends ShellTestBase {
    private final SessionStorageService storage = new SessionStorageService();

    @BeforeAll
    static void pages() {
        for (String name : new String[] {"a", "b", "c"}) {
            server.page("/h/" + name, "<!doctype html><title>" + name.toUpperCase() + "</title><p>" + name);
        }
    }

    private void navigate(BrowserTab tab, String path, String title) {
        script(tab, "location.href = '" + path + "'");
        waitUntil(path + " loaded", () -> title.equals(tab.model().labelBinding().get()) && !tab.model().loadingProperty().get());
    }

    private String selectedTitle() {
        return fx(() -> selected().labelBinding().get());
    }

    private void waitForSelectedTitle(String title) {
        waitUntil("selected tab shows " + title, () -> title.equals(selected().labelBinding().get())
                && !selected().loadingProperty().get());
    }

    /** Ctrl+Shift+K on the selected tab, as a person would; the duplicate comes up showing {@code title}. */
    private BrowserTab duplicateShowing(String title) {
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.K);
        waitUntil("duplicate", () -> window.model().tabs().size() == 2 && window.model().selectedIndex() == 1);
        waitForSelectedTitle(title);
        return selectedTab();
    }

    @Test
    void backAndForwardInTheDuplicateGoWhereTheOriginalsWould() {
        launchWithSessionStorage(storage, server.url("/h/a"));
        BrowserTab original = selectedTab();
        navigate(original, "/h/b", "B");
        navigate(original, "/h/c", "C");
        focusPage();
        keys(KeyCode.ALT, KeyCode.LEFT);
        waitForSelectedTitle("B");

        BrowserTab duplicate = duplicateShowing("B");
        assertEquals(1, fx(duplicate::historyIndex));
        assertEquals(3, fx(() -> duplicate.historyEntries().size()));
        assertTrue(fx(() -> duplicate.model().canGoBackProperty().get() && duplicate.model().canGoForwardProperty().get()),
                "the toolbar can go both ways");

        focusPage();
        keys(KeyCode.ALT, KeyCode.LEFT);
        waitForSelectedTitle("A");
        assertEquals(server.url("/h/a"), fx(() -> selected().urlProperty().get()));
        focusPage();
        keys(KeyCode.ALT, KeyCode.RIGHT);
        waitForSelectedTitle("B");
        focusPage();
        keys(KeyCode.ALT, KeyCode.RIGHT);
        waitForSelectedTitle("C");
        assertEquals(2, fx(duplicate::historyIndex));

        script(duplicate, "history.go(-2)");
        waitForSelectedTitle("A");
        script(duplicate, "history.forward()");
        waitForSelectedTitle("B");
        script(duplicate, "history.back()");
        waitForSelectedTitle("A");
        assertEquals("B", fx(() -> original.model().labelBinding().get()), "the original did not move");
        assertEquals(1, fx(original::historyIndex));
    }

    @Test
    void aNewNavigationInTheDuplicateDropsItsForwardEntries() {
        launchWithSessionStorage(storage, server.url("/h/a"));
        BrowserTab original = selectedTab();
        navigate(original, "/h/b", "B");
        script(original, "history.back()");
        waitForSelectedTitle("A");
        BrowserTab duplicate = duplicateShowing("A");
        navigate(duplicate, "/h/c", "C");
        assertEquals(2, fx(() -> duplicate.historyEntries().size()), "A, C: B is gone");
        script(duplicate, "history.back()");
        waitForSelectedTitle("A");
        assertEquals(selectedTitle(), "A");
    }

    @Test
    void aTraversalStoppedHalfWayLeavesTheHistoryAsItWas() {
        server.page("/h/b2", "<!doctype html><title>B2</title><p>b2");
        launchWithSessionStorage(storage, server.url("/h/a"));
        BrowserTab original = selectedTab();
        navigate(original, "/h/b2", "B2");
        navigate(original, "/h/c", "C");
        BrowserTab duplicate = duplicateShowing("C");
        // Back would load B, which WebKit of the duplicate never saw; stop it, then follow a link instead.
        server.slow("/h/b2", 3_000, "<!doctype html><title>B2</title><p>b2");
        fx(() -> {
            duplicate.back();
            duplicate.stop();
            return null;
        });
        navigate(duplicate, "/h/a?d", "A");
        assertEquals(List.of(server.url("/h/a"), server.url("/h/b2"), server.url("/h/c"), server.url("/h/a?d")),
                fx(() -> duplicate.historyEntries().stream().map(e -> e.url()).toList()));
        assertEquals(3, fx(duplicate::historyIndex));
    }
}
