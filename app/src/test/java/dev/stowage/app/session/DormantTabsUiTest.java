package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restored background tabs that were never selected have no page, yet they are whole tabs: closing one
 * puts it on the closed-tab list with its storage, duplicating or reloading one gives it its page, and a
 * tab that stays in the background through several restarts keeps its storage.
 */
class DormantTabsUiTest extends RestartTestBase {
    @BeforeAll
    static void pages() {
        server.page("/plain-counter", PLAIN_COUNTER);
    }

    @Test
    void backgroundTabsKeepTheirStorageWhenClosedDuplicatedOrLeftAloneThroughRestarts() throws Exception {
        Path profile = Files.createTempDirectory("stowage-dormant");
        CompletableFuture<Void> firstExit = new CompletableFuture<>();
        start(profile, true, firstExit, server.url("/plain-counter?a"), server.url("/plain-counter?b"), server.url("/plain-counter?c"));
        waitForAllLoaded();
        assertEquals(List.of("n=1 ?a", "n=1 ?b", "n=1 ?c"), tabLabels());
        quitWithKeys(firstExit);

        CompletableFuture<Void> secondExit = new CompletableFuture<>();
        start(profile, true, secondExit);
        waitForSelectedTitle("n=2 ?a");
        assertEquals(List.of("n=2 ?a", "n=1 ?b", "n=1 ?c"), tabLabels(), "background tabs show their saved titles");
        assertNull(fx(() -> window.tab(window.model().tabs().get(2))), "a background tab has no page yet");
        fx(() -> {
            window.close(window.model().tabs().get(2)); // the close button's action, on a tab never shown
            return null;
        });
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitForSelectedTitle("n=2 ?c");
        assertEquals(2, selectedIndex(), "reopened where it was");
        quitWithKeys(secondExit);

        CompletableFuture<Void> thirdExit = new CompletableFuture<>();
        start(profile, true, thirdExit);
        waitForSelectedTitle("n=3 ?c");
        assertEquals("n=1 ?b", tabLabels().get(1), "the tab left in the background through a restart");
        robot.rightClickOn(tabHeader(1));
        robot.clickOn("Duplicate");
        waitUntil("four tabs", () -> window.model().tabs().size() == 4);
        waitForSelectedTitle("n=2 ?b");
        assertEquals(2, selectedIndex(), "the duplicate opens right of its original");
        assertNotNull(fx(() -> window.tab(window.model().tabs().get(1))), "duplicating gave the original its page");
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        waitForSelectedTitle("n=2 ?b");
        assertEquals(List.of("n=2 ?a", "n=2 ?b", "n=2 ?b", "n=3 ?c"), tabLabels(),
                "the original kept its own storage; the duplicate had a copy");
        quitWithKeys(thirdExit);
    }
}
