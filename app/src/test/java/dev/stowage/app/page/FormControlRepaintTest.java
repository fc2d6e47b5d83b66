package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.SessionNamespace;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page is painted again once per load, for the form controls WebView made as it first painted it, and
 * not for every field scrolled into view (those were drawn styled: {@code FormFieldsUiTest} shows the
 * effect on the screen).
 */
class FormControlRepaintTest extends PageTestBase {
    private static final int FIELDS = 400;

    @BeforeAll
    static void longForm() {
        StringBuilder page = new StringBuilder("<!doctype html><title>long form</title><body>");
        for (int i = 0; i < FIELDS; i++) {
            page.append("<p><input value=field").append(i).append("> <button>b").append(i).append("</button></p>");
        }
        server.page("/long-form", page.append("</body>").toString());
    }

    @Test
    void onceALoadNotOnceAScroll() {
        SessionNamespace ns = newNamespace();
        AtomicInteger repaints = new AtomicInteger();
        try (TestTab tab = TestTab.injected(() -> ns)) {
            Fx.run(() -> {
                Runnable real = DocumentStartHook.repainter(tab.view.getEngine());
                new FormControlRepaint(tab.view, () -> {
                    repaints.incrementAndGet();
                    real.run();
                });
            });
            tab.load(server.url("/long-form"));
            Fx.waitUntil("the page painted again after its first paint", () -> repaints.get() == 1,
                    java.time.Duration.ofSeconds(10));
            for (int y = 0; y < 20_000; y += 400) {
                tab.eval("window.scrollTo(0, " + y + ")");
                Fx.sleep(40); // a few frames: WebKit paints the fields scrolled into view, making their controls
            }
            Fx.sleep(300);
            assertEquals(1, repaints.get(), "no repaint for the fields scrolled into view");

            tab.navigate("reload", () -> tab.view.getEngine().reload());
            Fx.waitUntil("painted again after the reload's first paint", () -> repaints.get() == 2,
                    java.time.Duration.ofSeconds(10));
        }
    }
}
