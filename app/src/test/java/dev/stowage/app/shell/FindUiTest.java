package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Find in page through the robot: Ctrl+F, a count over the page and its frame that leaves out scripts and
 * hidden text, Enter / F3 and Shift+Enter / Shift+F3 through the matches with wrapping, no match marked,
 * and Esc closing the bar with the match still selected and the keyboard back in the page. The page's own
 * functions (which it has replaced to count calls) are never called.
 */
class FindUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.page("/find-frame", "<!doctype html><body><p>an apple in the frame</p></body>");
        server.page("/find", "<!doctype html><title>find</title><script>"
                + "window.calls = 0; var count = function () { window.calls++; };"
                + "window.find = count; window.getSelection = count; String.prototype.indexOf = count;"
                + "var apple = 'apple in a script';</script>"
                + "<body><p>Apple one</p><p>an app<b>le</b> two</p><p hidden>apple hidden</p>"
                + "<div style='height:2000px'></div><p>apple three</p>"
                + "<iframe src='/find-frame'></iframe></body>");
    }

    private String count() {
        return fx(() -> ((Label) lookup("#find-count")).getText());
    }

    private void waitForCount(String expected) {
        waitUntil("the count reads " + expected, () -> expected.equals(count()));
    }

    @Test
    void findCountsStepsWrapsAndEscLeavesTheMatchSelected() {
        launch(server.url("/find"));
        waitUntil("the frame loaded", () -> Boolean.TRUE.equals(script(selectedTab(),
                "!!(frames[0] && frames[0].document.body && frames[0].document.body.textContent.length)")));
        focusPage();
        shortcut(KeyCode.F);
        waitUntil("the find bar, the keyboard in it", () -> lookup("#find-bar").isVisible()
                && lookup("#find-field").isFocused());
        robot.write("apple");
        waitForCount("1 of 4");
        PageFinder finder = fx(() -> new PageFinder(selectedTab().engine()));
        assertEquals("apple", fx(finder::selectedText).toLowerCase(java.util.Locale.ROOT), "the match is selected");

        keys(KeyCode.ENTER);
        waitForCount("2 of 4");
        keys(KeyCode.F3);
        waitForCount("3 of 4");
        keys(KeyCode.ENTER);
        waitForCount("4 of 4"); // in the frame
        keys(KeyCode.ENTER);
        waitForCount("1 of 4"); // wrapped
        robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        waitForCount("4 of 4");
        robot.push(KeyCode.SHIFT, KeyCode.F3);
        waitForCount("3 of 4");

        keys(KeyCode.ESCAPE);
        waitUntil("Esc closes the bar and the page has the keyboard",
                () -> !lookup("#find-bar").isVisible() && selectedTab().webView().isFocused());
        assertEquals("apple", fx(finder::selectedText).toLowerCase(java.util.Locale.ROOT), "the match stays selected");

        shortcut(KeyCode.F);
        waitUntil("Ctrl+F again selects the text", () -> "apple".equals(fx(() -> ((TextField) lookup("#find-field")).getSelectedText())));
        robot.write("zzz");
        waitForCount("0 of 0");
        assertTrue(fx(() -> lookup("#find-field").getStyleClass().contains("no-match")), "no match is marked");
        assertEquals(0, ((Number) script(selectedTab(), "window.calls")).intValue(), "no function of the page ran");
    }
}
