package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.session.file.ProfileSession;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tabs dragged between windows with the robot's mouse, as a person drags them: off the strip into a new
 * window, onto another window's strip between its tabs, and a window's only tab onto another window, which
 * closes the emptied window. Each time the tab keeps its page, history and sessionStorage.
 */
class TabDragUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.titled("/drag", "a dragged tab's page", "page");
    }

    private Path profile;
    private final CompletableFuture<Void> exited = new CompletableFuture<>();

    /** A window of two tabs: /drag?a, and the selected /drag?b2 with /drag?b1 behind it and storage. */
    private SessionKeeper twoTabs() throws java.io.IOException {
        profile = Files.createTempDirectory("stowage-drag");
        SessionKeeper keeper = launchRestoring(new LaunchOptions(profile, false,
                List.of(server.url("/drag?a"), server.url("/drag?b1"))), new SessionStorageService(), exited);
        placeLeft(window);
        BrowserTab b = fx(() -> window.tab(window.model().tabs().get(1)));
        selectAndGoOn(b, server.url("/drag?b2"));
        script(b, "sessionStorage.setItem('dragged', 'with its tab')");
        return keeper;
    }

    /** Small windows side by side, so that both strips and the screen below them are free to drop on. */
    private static void place(BrowserWindow w, double x) {
        fx(() -> {
            w.stage().setX(x);
            w.stage().setY(0);
            w.stage().setWidth(560);
            w.stage().setHeight(360);
            return null;
        });
    }

    private static void placeLeft(BrowserWindow w) {
        place(w, 0);
    }

    /** The header of {@code w}'s tab at {@code index}. */
    private static Node headerOf(BrowserWindow w, int index) {
        return fx(() -> w.stage().getScene().lookup("#tab-" + w.model().tabs().get(index).id()));
    }

    private static Point2D centreOf(Node node) {
        return fx(() -> {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    private void dragTo(Node header, Point2D to) {
        robot.drag(header, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
    }

    private void assertMovedWithPageHistoryAndStorage(BrowserWindow w) {
        waitForPage(w, server.url("/drag?b2"));
        assertEquals("with its tab", script(selectedOf(w), "sessionStorage.getItem('dragged')"), "its storage");
        assertEquals(true, fx(() -> selectedOf(w).model().canGoBackProperty().get()), "its history");
    }

    @Test
    void aTabDraggedOffTheStripOpensInANewWindowWhereItWasLetGo() throws Exception {
        SessionKeeper keeper = twoTabs();

        Point2D below = new Point2D(300, 600); // under the window, on no window
        dragTo(tabHeader(1), below);
        waitUntil("a new window took the tab", () -> keeper.windows().size() == 2
                && keeper.windows().get(1).stage().isShowing() && window.model().tabs().size() == 1);
        BrowserWindow second = fx(() -> keeper.windows().get(1));
        assertMovedWithPageHistoryAndStorage(second);
        Bounds strip = fx(() -> second.stage().getScene().lookup(".tab-strip").localToScreen(
                second.stage().getScene().lookup(".tab-strip").getLayoutBounds()));
        assertTrue(strip.contains(below.getX(), strip.getCenterY()) && Math.abs(strip.getCenterY() - below.getY()) < 40,
                "the new window's strip is where the tab was let go: " + strip);
        assertEquals(560.0, (double) fx(() -> second.stage().getWidth()), "the size of the window it came from");
        assertEquals(server.url("/drag?a"), fx(() -> selectedTab().model().urlProperty().get()), "the first window keeps the rest");
        waitUntil("the session holds both windows", () -> new ProfileSession(profile, Clock.systemUTC()).load().state()
                .map(s -> s.windows().size() == 2 && s.windows().get(1).tabs().get(0).namespaceId().length() > 0).orElse(false));
        quitAndWait(keeper, exited);
    }

    @Test
    void aTabDroppedOnAnotherWindowsStripGoesInWhereItWasLetGo() throws Exception {
        SessionKeeper keeper = twoTabs();
        BrowserWindow other = otherWindowWithTwoTabs(keeper);

        Node first = headerOf(other, 0);
        Node second = headerOf(other, 1);
        Point2D between = centreOf(first).midpoint(centreOf(second));
        robot.drag(tabHeader(1), MouseButton.PRIMARY).moveTo(between);
        Node mark = fx(() -> other.stage().getScene().lookup(".tab-drop-mark"));
        assertTrue(mark != null && fx(() -> {
            Bounds at = mark.localToScreen(mark.getLayoutBounds());
            return centreOf(first).getX() < at.getCenterX() && at.getCenterX() < centreOf(second).getX();
        }), "while it is dragged there, the other strip marks where it would go");
        robot.release(MouseButton.PRIMARY);
        waitUntil("the other window took it", () -> other.model().tabs().size() == 3 && window.model().tabs().size() == 1);
        assertEquals(1, (int) fx(() -> other.model().selectedIndex()), "between its two tabs, selected");
        assertMovedWithPageHistoryAndStorage(other);
        assertEquals(2, (int) fx(() -> keeper.windows().size()), "no new window");
        assertEquals(null, fx(() -> other.stage().getScene().lookup(".tab-drop-mark")), "the mark goes with the drop");
        quitAndWait(keeper, exited);
    }

    @Test
    void aWindowsOnlyTabDroppedOnAnotherWindowClosesTheEmptiedWindowAndKeepsItsClosedTabs() throws Exception {
        SessionKeeper keeper = twoTabs();
        BrowserWindow other = otherWindowWithTwoTabs(keeper);
        fx(() -> {
            other.close(other.model().tabs().get(1)); // a closed tab in the window that will go
            return null;
        });
        waitUntil("one tab there", () -> other.model().tabs().size() == 1 && other.canReopenClosed());

        Node only = headerOf(other, 0);
        Point2D end = fx(() -> {
            Bounds b = tabHeader(1).localToScreen(tabHeader(1).getLayoutBounds());
            return new Point2D(b.getMaxX() + 20, b.getCenterY());
        });
        dragTo(only, end);
        waitUntil("the emptied window closed", () -> !other.stage().isShowing() && keeper.windows().size() == 1);
        waitUntil("its tab came over", () -> window.model().tabs().size() == 3);
        waitForPage(window, server.url("/drag?other1"));
        assertEquals("over there", script(selectedTab(), "sessionStorage.getItem('w')"), "with its storage");
        assertEquals(List.of(), fx(keeper::titles), "the emptied window is not a closed window to reopen");

        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("its closed tab reopens here", () -> window.model().tabs().size() == 4);
        waitForPage(window, server.url("/drag?other2"));
        quitAndWait(keeper, exited);
    }

    @Test
    void aStripHiddenUnderTheWindowTheTabComesFromTakesNothing() throws Exception {
        SessionKeeper keeper = twoTabs();
        BrowserWindow other = otherWindowWithTwoTabs(keeper);
        fx(() -> {
            other.stage().setX(300); // under the first window's right half, its strip at y = 120
            other.stage().setY(120);
            return null;
        });
        Node hiddenHeader = headerOf(other, 0);
        Point2D hidden = new Point2D(450, centreOf(hiddenHeader).getY());
        assertTrue(fx(() -> other.stripIndexAt(hidden.getX(), hidden.getY()).isPresent()), "the other strip is there");
        dragTo(tabHeader(1), hidden);
        waitUntil("a new window, not the hidden one", () -> keeper.windows().size() == 3 && window.model().tabs().size() == 1);
        assertEquals(2, (int) fx(() -> other.model().tabs().size()), "the window underneath took nothing");
        assertMovedWithPageHistoryAndStorage(fx(() -> keeper.windows().get(2)));
        quitAndWait(keeper, exited);
    }

    /** A second window (Ctrl+N) right of the first with /drag?other1 (storage 'w') and /drag?other2. */
    private BrowserWindow otherWindowWithTwoTabs(SessionKeeper keeper) {
        focusPage();
        shortcut(KeyCode.N);
        waitUntil("a second window", () -> keeper.windows().size() == 2 && keeper.windows().get(1).stage().isShowing());
        BrowserWindow other = fx(() -> keeper.windows().get(1));
        place(other, 600);
        fx(() -> {
            selectedOf(other).load(server.url("/drag?other1"));
            return null;
        });
        waitForPage(other, server.url("/drag?other1"));
        script(selectedOf(other), "sessionStorage.setItem('w', 'over there')");
        fx(() -> other.openTab(server.url("/drag?other2"), false));
        waitUntil("its second tab's page", () -> other.model().tabs().size() == 2
                && server.url("/drag?other2").equals(other.model().tabs().get(1).urlProperty().get())
                && !other.model().tabs().get(1).loadingProperty().get());
        return other;
    }
}
