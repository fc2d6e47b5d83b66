package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import java.util.List;
import javafx.concurrent.Worker;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every window shortcut, pressed through the robot. Most run with the keyboard focus inside the page, where
 * WebView would swallow them without the Scene-level filter; some run again from the address bar.
 */
class ShortcutUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        for (String name : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")) {
            server.titled("/" + name, name.toUpperCase(), "<p>page " + name + "</p>");
        }
        server.titled("/links", "Links", "<a href='/b' style='display:block;height:400px'>to b</a>");
        server.titled("/greedy", "Greedy", "<script>for (const t of ['keydown','keypress','keyup'])"
                + " document.addEventListener(t, e => { e.preventDefault(); e.stopPropagation(); }, true);</script>"
                + "<textarea autofocus style='width:90%;height:300px'></textarea>");
        server.slow("/slow", 4000, "<title>Slow</title>slow");
    }

    private void launchFive() {
        launch(server.url("/a"), server.url("/b"), server.url("/c"), server.url("/d"), server.url("/e"));
    }

    private void focus(String where) {
        if (where.equals("page")) {
            focusPage();
        } else {
            robot.clickOn(addressBar());
            waitUntil("address bar focused", () -> addressBar().isFocused());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"page", "address"})
    void ctrlTOpensANewTabAndFocusesTheAddressBar(String where) {
        launch(server.url("/a"));
        focus(where);
        shortcut(KeyCode.T);
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        assertEquals(1, selectedIndex());
        assertTrue(fx(() -> addressBar().isFocused()));
        robot.write(server.hostPort() + "/b");
        keys(KeyCode.ENTER);
        waitUntil("typed page loaded", () -> "B".equals(window.model().selected().titleProperty().get()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page", "address"})
    void ctrlWClosesTheSelectedTab(String where) {
        launch(server.url("/a"), server.url("/b"));
        focus(where);
        shortcut(KeyCode.W);
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        assertEquals(List.of(server.url("/b")), tabUrls());
    }

    @Test
    void ctrlF4ClosesTheSelectedTab() {
        launch(server.url("/a"), server.url("/b"));
        robot.clickOn(tabHeader(1));
        focusPage();
        shortcut(KeyCode.F4);
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        assertEquals(List.of(server.url("/a")), tabUrls());
    }

    @Test
    void ctrlShiftTReopensTheLastClosedTabWhereItWas() {
        launch(server.url("/a"), server.url("/b"), server.url("/c"));
        robot.clickOn(tabHeader(1));
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/a"), server.url("/b"), server.url("/c")), tabUrls());
        assertEquals(1, selectedIndex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"L", "ALT_D", "F6"})
    void focusAndSelectTheAddressBarFromThePage(String key) {
        launch(server.url("/a"));
        focusPage();
        switch (key) {
            case "L" -> shortcut(KeyCode.L);
            case "ALT_D" -> keys(KeyCode.ALT, KeyCode.D);
            default -> keys(KeyCode.F6);
        }
        waitUntil("address bar focused", () -> addressBar().isFocused());
        assertEquals(server.url("/a"), fx(() -> addressBar().getSelectedText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page", "address"})
    void ctrlTabAndCtrlPageDownGoToTheNextTabAndWrap(String where) {
        launch(server.url("/a"), server.url("/b"), server.url("/c"));
        focus(where);
        shortcut(KeyCode.TAB);
        assertEquals(1, selectedIndex());
        shortcut(KeyCode.PAGE_DOWN);
        assertEquals(2, selectedIndex());
        shortcut(KeyCode.TAB);
        assertEquals(0, selectedIndex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"page", "address"})
    void ctrlShiftTabAndCtrlPageUpGoToThePreviousTabAndWrap(String where) {
        launch(server.url("/a"), server.url("/b"), server.url("/c"));
        focus(where);
        shortcut(KeyCode.SHIFT, KeyCode.TAB);
        assertEquals(2, selectedIndex());
        shortcut(KeyCode.PAGE_UP);
        assertEquals(1, selectedIndex());
    }

    @Test
    void ctrlDigitsGoToTabNAndCtrl9ToTheLast() {
        launch(server.url("/a"), server.url("/b"), server.url("/c"), server.url("/d"), server.url("/e"),
                server.url("/f"), server.url("/g"), server.url("/h"), server.url("/i"), server.url("/j"));
        focusPage();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
                KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        for (int n = 8; n >= 1; n--) {
            shortcut(digits[n - 1]);
            assertEquals(n - 1, selectedIndex(), "Ctrl+" + n);
        }
        shortcut(KeyCode.DIGIT9);
        assertEquals(9, selectedIndex(), "Ctrl+9 is the last tab, not the ninth");
    }

    @Test
    void ctrlDigitBeyondTheLastTabDoesNothing() {
        launchFive();
        shortcut(KeyCode.DIGIT7);
        assertEquals(0, selectedIndex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"R", "F5"})
    void reloadShortcutsLoadThePageAgain(String key) {
        launch(server.url("/c"));
        long before = server.count("/c");
        focusPage();
        if (key.equals("R")) {
            shortcut(KeyCode.R);
        } else {
            keys(KeyCode.F5);
        }
        waitUntil("reloaded", () -> server.count("/c") == before + 1);
        waitForAllLoaded();
    }

    @Test
    void escapeStopsALoadingPage() {
        launch(server.url("/a"));
        typeAddress(server.hostPort() + "/slow");
        waitUntil("loading", () -> window.model().selected().loadingProperty().get());
        keys(KeyCode.ESCAPE);
        waitUntil("stopped", () -> !window.model().selected().loadingProperty().get());
        assertEquals(Worker.State.CANCELLED, fx(() -> selectedTab().engine().getLoadWorker().getState()));
    }

    @Test
    void altLeftAndAltRightGoBackAndForward() {
        launch(server.url("/links"));
        robot.clickOn(fx(() -> selectedTab().webView()));
        waitUntil("followed the link", () -> server.url("/b").equals(window.model().selected().urlProperty().get()));
        waitForAllLoaded();
        keys(KeyCode.ALT, KeyCode.LEFT);
        waitUntil("back", () -> server.url("/links").equals(window.model().selected().urlProperty().get()));
        waitForAllLoaded();
        keys(KeyCode.ALT, KeyCode.RIGHT);
        waitUntil("forward", () -> server.url("/b").equals(window.model().selected().urlProperty().get()));
        assertEquals(server.url("/b"), addressText());
    }

    @Test
    void ctrlShiftKDuplicatesTheTabNextToIt() {
        launch(server.url("/a"), server.url("/b"));
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.K);
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/a"), server.url("/a"), server.url("/b")), tabUrls());
        assertEquals(1, selectedIndex());
    }

    @Test
    void aPageThatSwallowsEveryKeyCannotBlockTheShortcuts() {
        launch(server.url("/greedy"), server.url("/a"), server.url("/b"));
        focusPage();
        shortcut(KeyCode.TAB);
        assertEquals(1, selectedIndex(), "Ctrl+Tab");
        shortcut(KeyCode.DIGIT1);
        focusPage();
        shortcut(KeyCode.DIGIT9);
        assertEquals(2, selectedIndex(), "Ctrl+9");
        shortcut(KeyCode.DIGIT1);
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("greedy tab closed", () -> window.model().tabs().size() == 2);
    }
}
