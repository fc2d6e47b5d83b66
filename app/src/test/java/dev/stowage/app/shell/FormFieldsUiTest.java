package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page's form fields are drawn styled, border and all, as the screen shows them: WebView draws them with
 * JavaFX controls it makes while painting, before they are styled, and at load that race was lost in about
 * one load in three (see {@code FormControlRepaint}). So the page is loaded several times.
 */
class FormFieldsUiTest extends ShellTestBase {
    private static final int LOADS = 8;
    private static final int PAGE_BACKGROUND = 0xffffffff;

    @BeforeAll
    static void page() {
        // Reading sessionStorage as it loads made the race likelier (6 of 10 loads under Xvfb).
        server.page("/form", "<!doctype html><title>form</title><body><h1>Form</h1><p><button id=b>Button</button>"
                + " <input id=t value=text></p><p id=o></p><script>document.getElementById('o').textContent ="
                + " sessionStorage.length;</script></body>");
    }

    @Test
    void formFieldsAreDrawnWithTheirBordersFromTheFirstPaint() {
        List<String> unstyled = new ArrayList<>();
        for (int load = 0; load < LOADS; load++) {
            launch(server.url("/form"));
            waitForAllLoaded();
            sleep(300); // a few frames for the page to be painted and shown
            for (String field : List.of("b", "t")) {
                if (!hasBorder(field)) {
                    unstyled.add("load " + load + ": #" + field);
                }
            }
            closeWindow();
        }
        assertTrue(unstyled.isEmpty(), "fields drawn without their border: " + unstyled);
    }

    /** Whether the screen shows anything but the page's white along the left edge of the field. */
    private boolean hasBorder(String id) {
        String rect = (String) script(selectedTab(), "var r = document.getElementById('" + id + "')"
                + ".getBoundingClientRect(); Math.round(r.left) + ',' + Math.round(r.top + r.height / 2)");
        String[] at = rect.split(",");
        Point2D view = fx(() -> selectedTab().webView().localToScreen(0, 0));
        PixelReader pixels = robot.capture(new Rectangle2D(view.getX() + Integer.parseInt(at[0]),
                view.getY() + Integer.parseInt(at[1]), 3, 1)).getImage().getPixelReader();
        for (int x = 0; x < 3; x++) {
            if (pixels.getArgb(x, 0) != PAGE_BACKGROUND) {
                return true;
            }
        }
        return false;
    }
}
