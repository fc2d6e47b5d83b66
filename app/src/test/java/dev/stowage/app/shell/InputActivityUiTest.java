package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What counts as the person's input for idle work: keys and clicks do, moving the pointer does not. */
class InputActivityUiTest extends ShellTestBase {
    @BeforeAll
    static void page() {
        server.page("/idle", "<!doctype html><title>idle</title><body>a page</body>");
    }

    @Test
    void keysAndClicksCountAsInputAndPointerMovesDoNot() {
        launch(server.url("/idle"));
        InputActivity activity = fx(InputActivity::process);
        robot.moveTo("#address-bar");
        long before = fx(activity::lastInputNanos);
        robot.moveBy(40, 0).moveBy(-40, 0);
        assertEquals(before, (long) fx(activity::lastInputNanos), "moving the pointer is not input");

        robot.clickOn("#address-bar");
        long clicked = fx(activity::lastInputNanos);
        assertTrue(clicked > before, "a click is");
        robot.type(KeyCode.A);
        assertTrue(fx(activity::lastInputNanos) > clicked, "a key is");

        Duration left = fx(() -> InputActivity.untilQuietFor(Duration.seconds(5)));
        assertTrue(left.greaterThan(Duration.seconds(4)) && left.lessThanOrEqualTo(Duration.seconds(5)),
                "just after a key, nearly all of a quiet time is left: " + left);
        sleep(600);
        assertEquals(Duration.ZERO, fx(() -> InputActivity.untilQuietFor(Duration.millis(250))), "a quiet time passed");
    }
}
