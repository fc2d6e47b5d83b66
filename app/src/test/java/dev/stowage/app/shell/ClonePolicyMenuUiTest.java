package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.ProfileSettings;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.session.prefs.SettingsFile;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main menu's Clone policy: its choice decides at once whether a link's new tab copies the opener's
 * sessionStorage, and the profile keeps it (a command line's --clone-policy wins for its run).
 */
class ClonePolicyMenuUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.page("/opener", "<!doctype html><title>opener</title><a id='blank' target='_blank' href='/opened'>open</a>");
        server.titled("/opened", "opened", "a new tab");
    }

    private Object copiedIntoANewTab() {
        int before = fx(() -> window.model().tabs().size());
        robot.clickOn(elementOnScreen("blank"));
        waitUntil("the new tab", () -> window.model().tabs().size() == before + 1);
        waitForAllLoaded();
        Object copied = script(selectedTab(), "sessionStorage.getItem('k')");
        fx(() -> {
            window.close(window.model().selected());
            return null;
        });
        waitUntil("back on the opener", () -> window.model().tabs().size() == before);
        return copied;
    }

    private void choose(String item) {
        robot.clickOn("#main-menu");
        robot.clickOn("Clone policy"); // hovering opens the submenu
        robot.clickOn(item);
    }

    @Test
    void theMenusChoiceDecidesTheNextNewTabsCopy() {
        launchWithSessionStorage(new SessionStorageService(), ClonePolicy.LINKS, server.url("/opener"));
        script(selectedTab(), "sessionStorage.setItem('k', 'copied')");
        assertEquals("copied", copiedIntoANewTab(), "links copy by default");
        choose("Never copy sessionStorage");
        assertEquals(null, copiedIntoANewTab(), "never: the new tab starts empty");
        choose("Links and popups copy sessionStorage");
        assertEquals("copied", copiedIntoANewTab(), "and links again");
    }

    @Test
    void theProfileKeepsTheChoiceAndACommandLinesWinsForItsRun() throws Exception {
        Path profile = Files.createTempDirectory("stowage-settings");
        ProfileSettings first = ProfileSettings.load(profile, false, Optional.empty(), notice -> { });
        assertEquals(ClonePolicy.LINKS, first.clonePolicy().get());
        fx(() -> {
            first.clonePolicy().set(ClonePolicy.STANDARD);
            return null;
        });
        first.close();
        assertEquals(ClonePolicy.STANDARD, ProfileSettings.load(profile, false, Optional.empty(), n -> { }).clonePolicy().get());
        assertEquals(ClonePolicy.NEVER,
                ProfileSettings.load(profile, false, Optional.of(ClonePolicy.NEVER), n -> { }).clonePolicy().get());
        ProfileSettings privateRun = ProfileSettings.load(profile, true, Optional.empty(), n -> { });
        assertEquals(ClonePolicy.LINKS, privateRun.clonePolicy().get(), "a private run reads nothing");
        fx(() -> {
            privateRun.clonePolicy().set(ClonePolicy.NEVER);
            return null;
        });
        privateRun.close();
        assertEquals(Optional.of("standard"), new SettingsFile(profile.resolve(SettingsFile.FILE_NAME),
                java.time.Clock.systemUTC()).load().settings().clonePolicy(), "and writes nothing");
    }
}
