package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.SessionStorageService;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;

/**
 * The inspector made ahead: a window left without input makes its inspector hidden, following nothing, so
 * the first F12 only connects and shows it; input puts that off.
 */
class InspectorMadeAheadUiTest extends InspectorTestBase {
    @Test
    void anIdleWindowMakesItsInspectorAheadAndF12ShowsItLive() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('a', '1')");
        waitUntil("the inspector made ahead", () -> fx(() -> window.dock().isMade()));
        assertFalse(fx(() -> window.dock().isReady()), "made hidden");
        waitUntil("its parts all in", () -> robot.lookup("#inspector-detail").tryQuery().isPresent());
        assertFalse(fx(() -> lookup("#inspector").isVisible()));

        script(selectedTab(), "sessionStorage.setItem('b', '2')");
        InspectorPanel panel = (InspectorPanel) lookup("#inspector");
        assertEquals(0, (int) fx(() -> panel.table().getItems().size()), "a hidden inspector made ahead follows nothing");

        openInspector();
        assertTrue(fx(() -> window.dock().isReady()));
        assertTrue(panel == lookup("#inspector"), "F12 shows the panel made ahead, not a new one");
        waitForRows(List.of("a=1", "b=2"));
        script(selectedTab(), "sessionStorage.setItem('c', '3')");
        waitForRows(List.of("a=1", "b=2", "c=3"));
        assertEquals("Selected tab", fx(() -> ((InspectTarget) ((javafx.scene.control.ChoiceBox<?>) lookup("#inspector-target"))
                .getValue()).label()), "the picker listed ahead shows the selected tab");
    }

    @Test
    void typingPutsTheMakingAheadOff() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/listen"));
        AtomicInteger made = new AtomicInteger();
        fx(() -> {
            window.dock().setPanel(() -> {
                made.incrementAndGet();
                return new EmptyPanel();
            }, Duration.seconds(1.5));
            return null;
        });
        robot.clickOn("#address-bar");
        for (int i = 0; i < 12; i++) { // 2.4 s of typing, a key every 0.2 s
            robot.type(KeyCode.A);
            sleep(200);
        }
        assertEquals(0, made.get(), "nothing made while the person types");
        waitUntil("made once they stop", () -> made.get() == 1);
        assertFalse(fx(() -> window.dock().isReady()));
    }
}
