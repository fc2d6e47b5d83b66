package dev.stowage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.session.SessionKeeper;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Private windows: marked in their title and toolbar; Ctrl+Shift+N starts one as a process of its own,
 * whose cookie and sessionStorage the normal window cannot see and whose marker reaches no file.
 */
class PrivateWindowTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.titled("/plain", "plain", "a page");
        server.page("/private-mark", "<!doctype html><title>private</title><script>"
                + "var mark = location.search.substring(1);"
                + "document.cookie = 'pm=' + mark + '; max-age=3600';"
                + "sessionStorage.setItem('pm', mark);"
                + "fetch('/private-done?' + encodeURIComponent(document.cookie + '|' + sessionStorage.getItem('pm')));"
                + "</script>");
    }

    @Test
    void aPrivateWindowSaysSoInItsTitleAndToolbarAndANormalOneDoesNot() throws Exception {
        launchWithSessionStorage(new SessionStorageService(), server.url("/plain"));
        assertEquals("plain - Stowage", fx(() -> window.stage().getTitle()));
        assertFalse(fx(() -> lookup("#private-badge").isVisible()));
        closeWindow();
        window = null;

        CompletableFuture<Void> exited = new CompletableFuture<>();
        launchRestoring(new LaunchOptions(Files.createTempDirectory("stowage-private"), true, List.of(server.url("/plain"))),
                new SessionStorageService(), exited);
        assertEquals("plain - Stowage (Private)", fx(() -> window.stage().getTitle()));
        assertTrue(fx(() -> window.stage().getScene().lookup("#private-badge").isVisible()));
        closeAndWaitForExit(exited);
    }

    @Test
    void ctrlShiftNStartsAPrivateProcessWhoseCookieAndStorageNothingElseSeesOrKeeps() throws Exception {
        Instant started = Instant.now();
        String mark = "mark" + UUID.randomUUID().toString().replace("-", "");
        Path profile = Files.createTempDirectory("stowage-private-test");
        LaunchOptions options = new LaunchOptions(profile, false, List.of(server.url("/plain")));
        CompletableFuture<Void> exited = new CompletableFuture<>();
        SessionKeeper keeper = launchRestoring(options, new SessionStorageService(), exited);
        CompletableFuture<Process> child = new CompletableFuture<>();
        // The app's Ctrl+Shift+N opens an empty private window; this one goes to the marker page.
        keeper.onPrivateWindow(() -> {
            try {
                child.complete(PrivateWindows.start(options, List.of(server.url("/private-mark?" + mark))));
            } catch (IOException e) {
                child.completeExceptionally(e);
            }
        });
        focusPage();
        long pressed = System.nanoTime();
        shortcut(KeyCode.SHIFT, KeyCode.N);
        Process process = child.get(10, TimeUnit.SECONDS);
        try {
            waitUntil("the private window's page kept its cookie and storage", () -> server.requests().stream()
                    .anyMatch(r -> r.startsWith("/private-done?") && r.contains("pm%3D" + mark + "%7C" + mark)), 60_000);
            System.out.printf("private window: its page reached the server %d ms after Ctrl+Shift+N%n",
                    (System.nanoTime() - pressed) / 1_000_000);
            assertFalse(String.valueOf(script(selectedTab(), "document.cookie")).contains(mark),
                    "the normal window does not see the private window's cookie");
        } finally {
            process.destroy(); // SIGTERM: the private window quits the way it does when closed
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the private window's process ended");
        }
        closeAndWaitForExit(exited);
        assertFalse(anyFileHolds(profile, mark, Instant.MIN), "nothing of the private window reached the profile");
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path webViewFolder : temp.filter(p -> p.getFileName().toString().startsWith("stowage-private-")).toList()) {
                assertFalse(anyFileHolds(webViewFolder, mark, started), "nor a file of its throwaway WebView folder "
                        + webViewFolder);
            }
        }
    }

    /** Whether a file under {@code root} changed since {@code since} holds {@code text}. */
    private static boolean anyFileHolds(Path root, String text, Instant since) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> modifiedSince(f, since)).anyMatch(f -> holds(f, needle));
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean holds(Path file, byte[] needle) {
        try {
            if (Files.size(file) > 50_000_000) {
                return false;
            }
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return content.contains(new String(needle, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return false;
        }
    }
}
