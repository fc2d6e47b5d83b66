package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.session.file.ProfileSession;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * The inspector beyond the selected tab: a closed tab's storage is edited and the tab comes back with the
 * edit; an edit reaches the saved session; a tab's whole storage goes to a file and back into a tab.
 */
class InspectorBeyondTheSelectedTabUiTest extends InspectorTestBase {
    @Test
    void aClosedTabsStorageIsEditedAndTheEditReachesTheReopenedTabAndTheSavedSession() throws Exception {
        Path profile = Files.createTempDirectory("stowage-inspect-closed");
        CompletableFuture<Void> exited = new CompletableFuture<>();
        launchRestoring(new LaunchOptions(profile, false, List.of(server.url("/listen?keep"), server.url("/listen?gone"))),
                new SessionStorageService(), exited);
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        waitForAllLoaded();
        script(selectedTab(), "sessionStorage.setItem('note', 'before')");
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("one tab", () -> window.model().tabs().size() == 1);

        openInspector();
        ChoiceBox<InspectTarget> picker = lookup("#inspector-target");
        robot.clickOn(picker);
        robot.clickOn("Closed: quiet");
        waitForRows(List.of("note=before"));
        robot.doubleClickOn(cell("before"));
        robot.write("after");
        keys(KeyCode.ENTER);
        waitForRows(List.of("note=after"));

        waitUntil("the saved session has the edit", () -> savedValues(profile).contains("after"));

        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        waitForAllLoaded();
        assertEquals("after", script(selectedTab(), "sessionStorage.getItem('note')"), "the reopened tab has the edit");
        closeAndWaitForExit(exited);
    }

    @Test
    void aTabsStorageIsExportedToAFileAndImportedIntoATab() throws Exception {
        Path file = Files.createTempDirectory("stowage-export").resolve("tab.json");
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen?one"), server.url("/listen?two"));
        fx(() -> {
            InspectorDock.install(window, storage, new OneFile(file));
            return null;
        });
        script(selectedTab(), "sessionStorage.setItem('first', '1'); sessionStorage.setItem('second', '2')");
        openInspector();
        waitForRows(List.of("first=1", "second=2"));
        robot.clickOn("#inspector-file");
        robot.clickOn("#inspector-export");
        waitUntil("exported", () -> ((Label) lookup("#inspector-notice")).getText().startsWith("Exported 1 origin"));
        String exported = Files.readString(file);
        assertTrue(exported.contains("\"first\" : \"1\"") && exported.contains(server.base()), exported);

        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        script(selectedTab(), "sessionStorage.setItem('own', 'kept')");
        waitForRows(List.of("own=kept"));
        robot.clickOn("#inspector-file");
        robot.clickOn("#inspector-import-merge");
        waitUntil("imported into the second tab", () -> "1".equals(script(selectedTab(), "sessionStorage.getItem('first')")));
        assertEquals("kept", script(selectedTab(), "sessionStorage.getItem('own')"), "merging keeps what the tab had");
        waitForRows(List.of("own=kept", "first=1", "second=2"));

        robot.clickOn("#inspector-file");
        robot.clickOn("#inspector-import-replace");
        waitUntil("replaced", () -> script(selectedTab(), "sessionStorage.getItem('own')") == null);
        waitForRows(List.of("first=1", "second=2"));

        Files.writeString(file, "{\"format\": 2, \"kind\": \"stowage-session-storage\", \"areas\": {}}");
        robot.clickOn("#inspector-file");
        robot.clickOn("#inspector-import-merge");
        waitUntil("a newer file is refused", () -> ((Label) lookup("#inspector-error")).getText().contains("newer Stowage"));
        waitForRows(List.of("first=1", "second=2"));
    }

    private static String savedValues(Path profile) {
        ProfileSession.Startup startup = new ProfileSession(profile, Clock.systemUTC()).load();
        StringBuilder all = new StringBuilder();
        startup.namespaces().values().forEach(ns -> ns.areas().values().forEach(a -> all.append(a.items())));
        return all.toString();
    }

    /** Answers every file question with {@code file}. */
    private record OneFile(Path file) implements InspectorFiles.FileAsker {
        @Override
        public Optional<Path> saveTo(Window owner, String suggestedName) {
            return Optional.of(file);
        }

        @Override
        public Optional<Path> openFrom(Window owner) {
            return Optional.of(file);
        }
    }
}
