package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.cli.CommandLine;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --closed-tabs=N}: Ctrl+Shift+T brings back the N most recently closed tabs and no more, and the
 * storage of a tab that fell off the list is let go at once rather than kept for nothing.
 */
class ClosedTabLimitUiTest extends RestartTestBase {
    @BeforeAll
    static void pages() {
        server.page("/plain-counter", PLAIN_COUNTER);
    }

    @Test
    void ctrlShiftTBringsBackAsManyClosedTabsAsTheCommandLineSays() throws Exception {
        Path profile = Files.createTempDirectory("stowage-closed-limit");
        SessionStorageService storage = new SessionStorageService();
        LaunchOptions options = new CommandLine().parse("--profile", profile.toString(), "--closed-tabs=2",
                server.url("/plain-counter?a"), server.url("/plain-counter?b"), server.url("/plain-counter?c"), server.url("/plain-counter?d"));
        CompletableFuture<Void> exited = new CompletableFuture<>();
        launchRestoring(options, storage, exited);
        waitForAllLoaded();
        for (String closing : List.of("?b", "?c", "?d")) {
            fx(() -> {
                window.model().select(window.model().tabs().get(1));
                return null;
            });
            waitForSelectedTitle("n=1 " + closing);
            focusPage();
            shortcut(KeyCode.W);
        }
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        waitUntil("b's storage let go: a's and the two kept ones remain", () -> storage.namespaceIds().size() == 3);

        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitForSelectedTitle("n=2 ?d");
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitForSelectedTitle("n=2 ?c");
        shortcut(KeyCode.SHIFT, KeyCode.T);
        sleep(500);
        assertEquals(List.of("n=1 ?a", "n=2 ?c", "n=2 ?d"), tabLabels(), "b fell off the list of two");

        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.Q);
        exited.get(20, TimeUnit.SECONDS);
        window = null;
    }
}
