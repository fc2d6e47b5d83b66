package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import java.io.IOException;
import java.net.ServerSocket;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typing into the address bar, the inline error, the error page, the toolbar buttons and the progress bar. */
class AddressBarUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.titled("/a", "A", "<a id='l' href='/b' style='display:block;height:500px'>to b</a>")
                .titled("/b", "B", "b")
                .slow("/slow", 1500, "<title>Slow</title>slow");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long pageRequests() {
        return server.requests().stream().filter(r -> !r.equals("/favicon.ico")).count();
    }

    @Test
    void hostAndPortWithoutSchemeLoadOverHttp() {
        launch(server.url("/a"));
        typeAddress(server.hostPort() + "/b");
        waitUntil("b loaded", () -> "B".equals(window.model().selected().titleProperty().get()));
        waitForAllLoaded();
        assertEquals(server.url("/b"), addressText());
        assertTrue(fx(() -> selectedTab().webView().isFocused()), "Enter hands the focus to the page");
    }

    @Test
    void localhostWithoutSchemeLoadsOverHttp() {
        launch(server.url("/a"));
        String port = server.hostPort().substring(server.hostPort().indexOf(':'));
        typeAddress("localhost" + port + "/b");
        waitUntil("b loaded", () -> "B".equals(window.model().selected().titleProperty().get()));
        assertEquals("http://localhost" + port + "/b", fx(() -> selectedTab().engine().getLocation()));
    }

    @Test
    void textThatIsNotAnAddressGivesAnInlineErrorAndLoadsNothing() {
        launch(server.url("/a"));
        // Favicon fetches run in the background and may land at any time; they are not page loads.
        long requests = pageRequests();
        typeAddress("what is stowage");
        Label error = lookup("#address-error");
        waitUntil("inline error shown", error::isVisible);
        assertTrue(fx(error::getText).contains("not a web address"), fx(error::getText));
        assertEquals("what is stowage", addressText(), "the typed text stays for correction");
        assertEquals(server.url("/a"), fx(() -> selectedTab().engine().getLocation()));
        sleep(300);
        assertEquals(requests, pageRequests());
        robot.write("x");
        waitUntil("error hidden once the user edits", () -> !error.isVisible());
    }

    @Test
    void refusedConnectionShowsAnErrorPageAndKeepsTheTypedAddress() throws IOException {
        launch(server.url("/a"));
        String typed = "127.0.0.1:" + closedPort() + "/nothing";
        typeAddress(typed);
        waitUntil("error page", () -> window.model().selected().errorProperty().get() != null);
        waitForAllLoaded();
        assertEquals(typed, addressText());
        String shownUrl = (String) script(selectedTab(), "document.getElementById('url').textContent");
        String reason = (String) script(selectedTab(), "document.getElementById('reason').textContent");
        assertEquals("http://" + typed, shownUrl);
        assertFalse(reason.isBlank(), "a reason is shown");
        assertEquals("127.0.0.1", tabLabels().get(0), "the tab is labelled by the failed host");
    }

    @Test
    void unknownHostGetsHttpsAndAnErrorPage() {
        launch(server.url("/a"));
        // .invalid never resolves (RFC 6761), so this needs no network, only a resolver that says no.
        typeAddress("stowage-test.invalid/page");
        waitUntil("error page", () -> window.model().selected().errorProperty().get() != null);
        waitForAllLoaded();
        assertEquals("stowage-test.invalid/page", addressText());
        assertEquals("https://stowage-test.invalid/page",
                script(selectedTab(), "document.getElementById('url').textContent"));
    }

    @Test
    void reloadOnAnErrorPageRetriesTheFailedAddress() throws IOException {
        launch(server.url("/a"));
        String typed = "127.0.0.1:" + closedPort() + "/retry";
        typeAddress(typed);
        waitUntil("error page", () -> window.model().selected().errorProperty().get() != null);
        waitForAllLoaded();
        robot.clickOn("#reload-button");
        waitUntil("retried and failed again", () -> window.model().selected().errorProperty().get() != null
                && !window.model().selected().loadingProperty().get());
        assertEquals("http://" + typed, fx(() -> window.model().selected().errorProperty().get().url()));
    }

    @Test
    void backAndForwardButtonsFollowHistory() {
        launch(server.url("/a"));
        robot.clickOn(fx(() -> selectedTab().webView()));
        waitUntil("on b", () -> server.url("/b").equals(window.model().selected().urlProperty().get()));
        waitForAllLoaded();
        robot.clickOn("#back-button");
        waitUntil("back on a", () -> server.url("/a").equals(window.model().selected().urlProperty().get()));
        waitForAllLoaded();
        robot.clickOn("#forward-button");
        waitUntil("forward on b", () -> server.url("/b").equals(window.model().selected().urlProperty().get()));
        assertEquals(server.url("/b"), addressText());
    }

    @Test
    void reloadButtonTurnsIntoStopWhileLoadingAndProgressShowsOnlyThen() {
        launch(server.url("/a"));
        ProgressBar progress = lookup("#load-progress");
        assertFalse(fx(progress::isVisible));
        typeAddress(server.hostPort() + "/slow");
        waitUntil("loading", () -> window.model().selected().loadingProperty().get());
        assertTrue(fx(progress::isVisible));
        assertEquals("\u2715", fx(() -> ((javafx.scene.control.Button) lookup("#reload-button")).getText()));
        robot.clickOn("#reload-button");
        waitUntil("stopped", () -> !window.model().selected().loadingProperty().get());
        assertFalse(fx(progress::isVisible));
        assertEquals("\u27f3", fx(() -> ((javafx.scene.control.Button) lookup("#reload-button")).getText()));
    }

    @Test
    void statusLineShowsTheHoveredLink() {
        launch(server.url("/a"));
        Label status = lookup("#status-line");
        robot.moveTo(fx(() -> selectedTab().webView()));
        robot.moveBy(5, 5);
        waitUntil("status shows link", () -> server.url("/b").equals(status.getText()));
        robot.moveTo(addressBar());
        robot.moveTo(fx(() -> selectedTab().webView())).moveBy(0, 250);
        waitUntil("status cleared off the link", () -> status.getText().isEmpty());
    }

    @Test
    void escapeInTheAddressBarIsLeftAloneWhenNothingLoads() {
        launch(server.url("/a"));
        robot.clickOn(addressBar());
        keys(KeyCode.ESCAPE);
        assertNull(fx(() -> window.model().selected().errorProperty().get()));
        assertEquals(server.url("/a"), fx(() -> selectedTab().engine().getLocation()));
    }
}
