package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.Fx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the dock does with its panel's life: made when first shown, connected once, and closed when the dock
 * lets it go, so that a panel nobody will show again (the storage inspector) stops following live state.
 * The dock's later-on-FX step runs at once here.
 */
class PanelDockTest {
    private final List<String> log = new ArrayList<>();
    private final java.util.Map<String, Pane> nodes = new java.util.HashMap<>();

    @BeforeAll
    static void startToolkit() {
        Fx.start();
    }

    private Supplier<PanelDock.Panel> panel(String name) {
        return panel(name, false, false);
    }

    private Supplier<PanelDock.Panel> panel(String name, boolean failToConnect, boolean failToClose) {
        return () -> {
            log.add("made " + name);
            // Control skins measure text through one static layout shared by every thread: a panel styled
            // off the FX thread corrupted the FX thread's own layout passes (docs/BENCHMARKS.md).
            assertTrue(Platform.isFxApplicationThread(), "the maker runs on the FX thread");
            Pane pane = new Pane();
            nodes.put(name, pane);
            return new PanelDock.Panel() {
                @Override
                public Parent node() {
                    return pane;
                }

                @Override
                public void connect() {
                    log.add("connected " + name);
                    if (failToConnect) {
                        throw new IllegalStateException("broken " + name);
                    }
                }

                @Override
                public void close() {
                    log.add("closed " + name);
                    if (failToClose) {
                        throw new IllegalStateException("broken " + name);
                    }
                }
            };
        };
    }

    private static PanelDock dock() {
        return new PanelDock(Runnable::run);
    }

    @Test
    void thePanelIsMadeAndConnectedOnTheFxThreadInTasksOfTheirOwn() throws Exception {
        List<Runnable> later = new ArrayList<>();
        PanelDock dock = Fx.call(() -> new PanelDock(later::add));
        Fx.run(() -> {
            dock.setPanel(panel("a"));
            dock.setShowing(true);
            assertEquals(List.of(), log, "not inside the event that asked for it");
            assertFalse(dock.isReady());
        });
        assertEquals(1, later.size());
        Fx.run(() -> later.get(0).run());
        assertEquals(List.of("made a"), log, "connected in a task of its own");
        assertEquals(2, later.size());
        Fx.run(() -> later.get(1).run());
        assertEquals(List.of("made a", "connected a"), log);
        assertTrue(Fx.call(dock::isReady));
    }

    @Test
    void aReplacedPanelIsClosedAndItsSuccessorMadeWhileTheDockShows() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a"));
            assertEquals(List.of(), log, "nothing is made before it is first shown");
            dock.setShowing(true);
            dock.setPanel(panel("b"));
            assertEquals(List.of("made a", "connected a", "closed a", "made b", "connected b"), log);
            assertTrue(dock.isReady());
        });
    }

    @Test
    void closingTheDockClosesItsPanelOnceAndShowsNothingMore() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a"));
            dock.setShowing(true);
            dock.setShowing(false);
            dock.close();
            dock.close();
            dock.setShowing(true);
            assertEquals(List.of("made a", "connected a", "closed a"), log);
            assertFalse(dock.isShowing());
            assertFalse(dock.isReady());
        });
    }

    @Test
    void aPanelThatFailsToConnectIsNotShownAndTheNextShowingMakesItAgain() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a", true, false));
            dock.setShowing(true);
            assertFalse(dock.isReady());
            assertFalse(dock.isShowing());
            dock.setShowing(true);
            assertEquals(List.of("made a", "connected a", "closed a", "made a", "connected a", "closed a"), log,
                    "a panel that failed to connect is closed, since it may have started following live state");
        });
    }

    @Test
    void aPanelThatFailsToCloseDoesNotStopItsSuccessor() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a", false, true));
            dock.setShowing(true);
            dock.setPanel(panel("b"));
            assertEquals(List.of("made a", "connected a", "closed a", "made b", "connected b"), log);
            assertTrue(dock.isReady());
        });
    }

    @Test
    void aPanelNeverShownIsNeitherMadeNorClosed() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a"));
            dock.setPanel(panel("b"));
            dock.close();
            assertEquals(List.of(), log);
        });
    }

    @Test
    void aPanelMadeAheadJoinsHiddenAndFollowsNothingUntilFirstShown() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a"));
            dock.prepare();
            dock.prepare();
            assertEquals(List.of("made a"), log, "made once, and not connected");
            assertTrue(dock.isMade());
            assertFalse(dock.isReady(), "hidden");
            assertTrue(nodes.get("a").getParent() == dock.node() && !nodes.get("a").isVisible(),
                    "in the dock's scene graph, invisible: its parts can be styled there");
            dock.setShowing(true);
            assertEquals(List.of("made a", "connected a"), log, "the first showing connects it, and makes nothing more");
            assertTrue(dock.isReady());
            dock.setShowing(false);
            dock.prepare();
            dock.setShowing(true);
            assertEquals(List.of("made a", "connected a"), log);
        });
    }

    @Test
    void aPanelMadeAheadButNeverShownIsLetGoOfWithoutClosing() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a"));
            dock.prepare();
            dock.setPanel(panel("b"));
            assertFalse(dock.isMade(), "the new maker has made nothing yet");
            dock.prepare();
            dock.close();
            assertEquals(List.of("made a", "made b"), log, "close() is for a panel that was connected");
        });
    }

    @Test
    void aPanelMadeAheadThatFailsToConnectIsDroppedAndTheNextShowingMakesItAgain() {
        Fx.run(() -> {
            PanelDock dock = dock();
            dock.setPanel(panel("a", true, false));
            dock.prepare();
            dock.setShowing(true);
            assertFalse(dock.isShowing());
            assertFalse(dock.isMade());
            dock.setShowing(true);
            assertEquals(List.of("made a", "connected a", "closed a", "made a", "connected a", "closed a"), log);
        });
    }

    @Test
    void showingWhileTheMakingAheadIsQueuedConnectsOnceItIsMade() {
        List<Runnable> later = new ArrayList<>();
        PanelDock dock = Fx.call(() -> new PanelDock(later::add));
        Fx.run(() -> {
            dock.setPanel(panel("a"));
            dock.prepare();
            dock.setShowing(true);
            assertEquals(1, later.size(), "one making, already queued");
        });
        Fx.run(() -> later.get(0).run());
        assertEquals(List.of("made a"), log);
        assertEquals(2, later.size(), "then connected in a task of its own");
        Fx.run(() -> later.get(1).run());
        assertEquals(List.of("made a", "connected a"), log);
        assertTrue(Fx.call(dock::isReady));
    }
}
