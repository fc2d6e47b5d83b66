package dev.stowage.app.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Equivalents of the web-platform-tests {@code webstorage/storage_session_window_open},
 * {@code storage_session_window_noopener} and {@code storage_session_window_reopen}, run in the real shell
 * under its default policy: each page runs the test's steps and asserts in its own script when the robot
 * clicks its button, and reports {@code PASS} or the first failed assertion in its title.
 */
class WindowOpenConformanceUiTest extends ShellTestBase {
    private static final String ASSERT = "function check(c, what) { if (!c) { throw new Error(what); } }"
            + "function report(f) { try { f(); } catch (e) { document.title = 'FAIL ' + e.message; } }";

    private static String page(String steps) {
        return "<!doctype html><html><head><title>ready</title><script>" + ASSERT + "</script></head><body>"
                + "<button id='go' style='width: 200px; height: 40px' onclick=\"" + steps + "\">go</button></body></html>";
    }

    private final SessionStorageService storage = new SessionStorageService();

    @BeforeAll
    static void pages() {
        // The popup reports what it found in the opener's window, then changes its own copy.
        server.page("/wpt/popup", "<!doctype html><script>opener.__seen = sessionStorage.getItem('FOO');"
                + "sessionStorage.setItem('FOO', 'POPUP');opener.__popupDone();</script>");
        server.page("/wpt/open", page("report(function () {"
                + "sessionStorage.setItem('FOO', 'BAR');"
                + "window.__popupDone = function () { report(function () {"
                + "check(window.__seen === 'BAR', 'popup saw ' + window.__seen);"
                + "check(sessionStorage.getItem('FOO') === 'BAR', 'opener now has ' + sessionStorage.getItem('FOO'));"
                + "document.title = 'PASS'; }); };"
                + "window.open('/wpt/popup');"
                + "})"));
        server.page("/wpt/noopener-popup", "<!doctype html><script>document.title = 'popup ' + sessionStorage.getItem('FOO')"
                + " + ' ' + (window.opener === null);</script>");
        server.page("/wpt/noopener", page("report(function () {"
                + "sessionStorage.setItem('FOO', 'BAR');"
                + "var w = window.open('/wpt/noopener-popup', '', 'noopener');"
                + "check(w === null, 'window.open returned ' + w);"
                + "document.title = 'PASS';"
                + "})"));
        server.page("/wpt/reopen", page("report(function () {"
                + "var popup = window.open('', 'sessionStorageTestWindow');"
                + "sessionStorage.setItem('FOO', 'BAR');"
                + "var reopened = window.open('', 'sessionStorageTestWindow');"
                + "check(popup === reopened, 'the same name re-opens the same window');"
                + "check(sessionStorage.getItem('FOO') === 'BAR', 'local sessionStorage');"
                + "check(popup.sessionStorage.getItem('FOO') === null, 'popup sessionStorage is '"
                + " + popup.sessionStorage.getItem('FOO'));"
                + "document.title = 'PASS';"
                + "})"));
    }

    private String run(String path) {
        launchWithSessionStorage(storage, server.url(path));
        waitUntil("page ready", () -> "ready".equals(selected().labelBinding().get()));
        robot.clickOn(elementOnScreen("go"));
        waitUntil("test finished", () -> !window.model().tabs().get(0).labelBinding().get().equals("ready"));
        return fx(() -> window.model().tabs().get(0).labelBinding().get());
    }

    @Test
    void windowOpenCopiesTheOpenersSessionStorage() {
        assertEquals("PASS", run("/wpt/open"));
    }

    @Test
    void noopenerGetsAnEmptySessionStorageAndNoWindow() {
        assertEquals("PASS", run("/wpt/noopener"));
        waitUntil("popup loaded", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("popup"));
        assertEquals("popup null true", fx(() -> window.model().tabs().get(1).labelBinding().get()));
    }

    @Test
    void reopeningANamedWindowDoesNotCopyAgain() {
        assertEquals("PASS", run("/wpt/reopen"));
        assertEquals(2, fx(() -> window.model().tabs().size()));
    }
}
