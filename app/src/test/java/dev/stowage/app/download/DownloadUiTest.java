package dev.stowage.app.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.app.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Downloads through the robot: a link to an attachment or to a type the page cannot show is saved (bytes,
 * name, collision, the page's cookies and Referer) while the page stays; the panel lists and cancels; a
 * cancelled download leaves nothing behind.
 */
class DownloadUiTest extends ShellTestBase {
    private static final byte[] REPORT = "quarterly numbers\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
    private static final String START = "<!doctype html><title>start</title><body>"
            + "<p><a id='report' href='/files/report'>report</a></p>"
            + "<p><a id='data' href='/files/data.bin'>data</a></p>"
            + "<p><a id='slow' href='/files/slow.bin'>slow</a></p></body>";

    @BeforeAll
    static void pages() {
        server.page("/start", START);
        server.bytes("/files/report", "text/plain", REPORT,
                Map.of("Content-Disposition", List.of("attachment; filename=\"report.txt\"")));
        server.bytes("/files/data.bin", "application/octet-stream", new byte[] {1, 2, 3, 4});
        server.stream("/files/slow.bin", Map.of(), 20L * 1024 * 1024, 16 * 1024, 20);
    }

    private Path folder() throws IOException {
        return Files.createTempDirectory("stowage-downloads");
    }

    private void launchInto(Path folder, FileOpener opener) {
        fx(() -> AppDownloads.forFolder(folder, opener)); // before the window asks for it: the test's opener
        launchDownloadingInto(folder, server.url("/start"));
    }

    private void clickLink(String id) {
        robot.clickOn(elementOnScreen(id));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anAttachmentIsSavedWithTheServersNameTheCookiesAndTheRefererAndThePageStays() throws IOException {
        Path folder = folder();
        launchInto(folder, path -> { });
        script(selectedTab(), "document.cookie = 'session=abc; max-age=3600'");

        clickLink("report");
        waitUntil("report.txt saved", () -> Files.exists(folder.resolve("report.txt")));
        assertArrayEquals(REPORT, Files.readAllBytes(folder.resolve("report.txt")));
        assertEquals(server.url("/start"), fx(() -> selectedTab().model().addressProperty().get()),
                "the page stays, and so does its address");
        assertEquals("start", script(selectedTab(), "document.title"));
        assertEquals("start", fx(() -> selectedTab().model().titleProperty().get()), "and the tab's title");
        List<String> cookies = server.cookies("/files/report");
        assertTrue(cookies.size() >= 2 && cookies.get(cookies.size() - 1).contains("session=abc"),
                "the download's own request carries the page's cookies: " + cookies);
        List<String> referers = server.referers("/files/report");
        assertEquals(server.url("/start"), referers.get(referers.size() - 1), "and its Referer");

        clickLink("report");
        waitUntil("the second one is numbered", () -> Files.exists(folder.resolve("report (1).txt")));
        assertArrayEquals(REPORT, Files.readAllBytes(folder.resolve("report (1).txt")));
        assertArrayEquals(REPORT, Files.readAllBytes(folder.resolve("report.txt")), "the first is untouched");

        clickLink("data");
        waitUntil("a type the page cannot show is saved too", () -> Files.exists(folder.resolve("data.bin")));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(folder.resolve("data.bin")));
        waitUntil("nothing partial left", () -> names(folder).equals(List.of("data.bin", "report (1).txt", "report.txt")));
        focusPage();
        shortcut(KeyCode.F);
        robot.write("slow");
        waitUntil("find still reads the page after the downloads", () -> "1 of 1".equals(
                fx(() -> ((javafx.scene.control.Label) lookup("#find-count")).getText())));
        keys(KeyCode.ESCAPE);
        waitUntil("the toolbar shows a finished download", () -> {
            Node button = window.stage().getScene().lookup("#downloads-button");
            return button.isVisible() && button.getStyleClass().contains("finished");
        });
    }

    @Test
    void thePanelListsDownloadsOpensThemAndACancelLeavesNoFile() throws IOException {
        Path folder = folder();
        List<Path> opened = new CopyOnWriteArrayList<>();
        launchInto(folder, opened::add);
        clickLink("report");
        waitUntil("report.txt saved", () -> Files.exists(folder.resolve("report.txt")));

        focusPage();
        shortcut(KeyCode.J);
        waitUntil("the panel", () -> robot.lookup("#downloads-panel").tryQuery().isPresent());
        waitUntil("its row says done", () -> robot.lookup(".download-status").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("Done, ")));
        robot.clickOn(robot.lookup(".download-open").<Node>query());
        waitUntil("Open opened the file", () -> opened.contains(folder.resolve("report.txt")));

        fx(() -> { window.stage().toFront(); return null; });
        clickLink("slow");
        waitUntil("the slow one is on its way", () -> robot.lookup(".download-cancel").queryAll().stream().anyMatch(Node::isVisible));
        waitUntil("its .part file exists", () -> Files.exists(folder.resolve("slow.bin.part")));
        shortcut(KeyCode.J); // the panel, in front of the window again
        robot.clickOn(robot.lookup(".download-cancel").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow());
        waitUntil("cancelled", () -> robot.lookup(".download-status").queryAll().stream()
                .anyMatch(n -> "Cancelled".equals(((javafx.scene.control.Label) n).getText())));
        waitUntil("no partial file left", () -> names(folder).equals(List.of("report.txt")));
    }

    @Test
    void aDownloadKeepsGoingWhenItsTabCloses() throws IOException {
        server.stream("/files/steady.bin", Map.of("Content-Disposition", List.of("attachment; filename=steady.bin")),
                2L * 1024 * 1024, 32 * 1024, 30);
        server.page("/steady", "<!doctype html><title>steady</title><a id='steady' href='/files/steady.bin'>go</a>");
        Path folder = folder();
        launchInto(folder, path -> { });
        fx(() -> {
            window.openTab(server.url("/start"), false);
            selectedTab().load(server.url("/steady"));
            return null;
        });
        waitForAllLoaded();
        clickLink("steady");
        waitUntil("under way", () -> Files.exists(folder.resolve("steady.bin.part")));
        fx(() -> {
            window.close(window.model().selected());
            return null;
        });
        waitUntil("the tab closed", () -> window.model().tabs().size() == 1);
        waitUntil("the download finished all the same", () -> Files.exists(folder.resolve("steady.bin")));
        assertEquals(2L * 1024 * 1024, Files.size(folder.resolve("steady.bin")));
        assertEquals(List.of("steady.bin"), names(folder));
    }

    @Test
    void aFiftyMegabyteDownloadKeepsTheFxThreadResponsive() throws IOException, InterruptedException {
        long size = 50L * 1024 * 1024;
        server.stream("/files/big.bin", Map.of("Content-Disposition", List.of("attachment; filename=big.bin")),
                size, 64 * 1024, 0);
        server.page("/big", "<!doctype html><title>big</title><a id='big' href='/files/big.bin'>big</a>");
        Path folder = folder();
        launchInto(folder, path -> { });
        fx(() -> { selectedTab().load(server.url("/big")); return null; });
        waitForAllLoaded();
        double idle;
        try (dev.stowage.app.testing.FxProbe probe = dev.stowage.app.testing.FxProbe.start()) {
            Thread.sleep(1000);
            idle = probe.longestBesidesCollectorMs(); // the baseline: this machine's stalls with nothing to do
        }
        try (dev.stowage.app.testing.FxProbe probe = dev.stowage.app.testing.FxProbe.start()) {
            long started = System.nanoTime();
            clickLink("big");
            waitUntil("big.bin saved", () -> Files.exists(folder.resolve("big.bin")));
            System.out.printf("50 MiB download: %d ms; longest FX stall besides the collector %.1f ms (idle: %.1f ms)%n",
                    (System.nanoTime() - started) / 1_000_000, probe.longestBesidesCollectorMs(), idle);
            // Not a speed goal (docs/BENCHMARKS.md has the numbers): a transfer or a write on the FX thread
            // would hold it for seconds.
            assertTrue(probe.longestBesidesCollectorMs() < 1000,
                    "the FX thread was held " + probe.longestBesidesCollectorMs() + " ms during the download");
        }
        assertEquals(size, Files.size(folder.resolve("big.bin")));
        try (InputStream in = Files.newInputStream(folder.resolve("big.bin"))) {
            byte[] buffer = new byte[1 << 16];
            long index = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                for (int i = 0; i < n; i++, index++) {
                    if (buffer[i] != TestServer.streamedByte(index)) {
                        throw new AssertionError("byte " + index + " differs");
                    }
                }
            }
        }
    }
}
