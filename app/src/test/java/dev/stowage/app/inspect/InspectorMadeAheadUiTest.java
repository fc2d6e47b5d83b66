package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.SessionStorageService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/**
 * The inspector made ahead: a window left without input makes its inspector hidden, which rehearses its
 * target once and then follows nothing, so the first F12 only connects and shows it, revealed once it shows
 * its rows. When idle work runs is {@code IdleWatchTest}'s, and what counts as input
 * {@code InputActivityUiTest}'s.
 */
class InspectorMadeAheadUiTest extends InspectorTestBase {
    @Test
    void anIdleWindowMakesItsInspectorAheadAndF12ShowsItLive() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('a', '1')");
        waitUntil("the inspector made ahead", () -> fx(() -> window.dock().isMade()));
        assertFalse(fx(() -> window.dock().isReady()), "made hidden");
        InspectorPanel panel = (InspectorPanel) lookup("#inspector");
        waitUntil("its parts all in", () -> fx(() -> panel.getOpacity() == 1)); // its last stage done, hidden
        assertFalse(fx(panel::isVisible));
        rehearsed(panel);

        script(selectedTab(), "sessionStorage.setItem('b', '2')");
        assertEquals(0, (int) fx(() -> panel.table().getItems().size()), "a hidden inspector made ahead follows nothing");

        List<Integer> rowsWhenRevealed = new CopyOnWriteArrayList<>();
        fx(() -> {
            panel.opacityProperty().addListener((obs, old, now) -> {
                if (now.doubleValue() == 1) {
                    rowsWhenRevealed.add(panel.table().getItems().size());
                }
            });
            return null;
        });
        openInspector();
        assertEquals(List.of(2), rowsWhenRevealed, "transparent until it shows its target with its rows, then revealed once");
        assertTrue(fx(() -> window.dock().isReady()));
        assertTrue(panel == lookup("#inspector"), "F12 shows the panel made ahead, not a new one");
        waitForRows(List.of("a=1", "b=2"));
        script(selectedTab(), "sessionStorage.setItem('c', '3')");
        waitForRows(List.of("a=1", "b=2", "c=3"));
        assertEquals("Selected tab", fx(() -> ((InspectTarget) ((javafx.scene.control.ChoiceBox<?>) lookup("#inspector-target"))
                .getValue()).label()), "the picker listed ahead shows the selected tab");
    }

    @Test
    void aPanelMadeAheadWaitsForItsRowsAWhileBeforeItShows() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('k', 'v')");
        List<Runnable> held = new CopyOnWriteArrayList<>(); // building the rows waits for the test
        AtomicLong askedAt = new AtomicLong();
        InspectorPanel slow = madeAhead(storage, task -> {
            askedAt.set(System.nanoTime());
            held.add(task);
        });
        rehearsed(slow); // its rows never came: it let them go after waiting its longest
        held.clear();
        List<long[]> reveals = revealsOf(slow);
        focusPage();
        keys(KeyCode.F12);
        waitUntil("revealed without its rows after waiting for them a while", () -> !reveals.isEmpty());
        assertEquals(0, reveals.get(0)[1], "a large area shows as it loads");
        assertTrue(reveals.get(0)[0] - askedAt.get() >= 120_000_000L, "it waited for its rows first (150 ms)");
        held.forEach(Runnable::run);
        waitUntil("its rows then", () -> fx(() -> slow.table().getItems().size()) == 1);

        keys(KeyCode.F12);
        InspectorPanel quick = madeAhead(storage, ForkJoinPool.commonPool());
        rehearsed(quick);
        List<long[]> quickReveals = revealsOf(quick);
        keys(KeyCode.F12);
        waitUntil("revealed", () -> !quickReveals.isEmpty());
        assertEquals(1, quickReveals.get(0)[1], "with its rows, once they came");
    }

    @Test
    void aPanelMadeAheadRehearsesItsTargetHiddenThenLetsItGo() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('a', '1')");
        Inspector inspector = fx(() -> new Inspector(storage, ForkJoinPool.commonPool(), Platform::runLater));
        AtomicReference<InspectorPanel> panel = new AtomicReference<>();
        List<String> whenLoaded = new CopyOnWriteArrayList<>(); // the grid and the panel when the rows came
        fx(() -> {
            inspector.loadingProperty().addListener((obs, was, now) -> {
                if (!now) {
                    whenLoaded.add(panel.get().table().getItems() + (panel.get().isVisible() ? " shown" : " hidden"));
                }
            });
            return null;
        });
        panel.set(madeAhead(inspector));
        rehearsed(panel.get());
        assertEquals(List.of("[a=1] hidden"), whenLoaded, "it showed the selected tab's rows once, hidden");
        assertEquals(0, (int) fx(() -> panel.get().table().getItems().size()), "then let them go");
        script(selectedTab(), "sessionStorage.setItem('b', '2')");
        assertEquals(0, (int) fx(() -> panel.get().table().getItems().size()), "and follows nothing until F12");

        openInspector();
        waitForRows(List.of("a=1", "b=2"));
    }

    @Test
    void anF12DuringTheRehearsalKeepsWhatItShowsAndALetGoPanelFollowsNothing() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('a', '1')");
        List<Runnable> held = new CopyOnWriteArrayList<>(); // building the rows waits for the test
        InspectorPanel panel = madeAhead(storage, held::add);
        waitUntil("rehearsing", () -> fx(() -> panel.rehearsal() == Rehearsal.State.RUNNING) && !held.isEmpty());
        openInspector();
        held.forEach(Runnable::run);
        waitForRows(List.of("a=1"));
        waitUntil("the rehearsal over", () -> fx(() -> panel.rehearsal() == Rehearsal.State.DONE));
        script(selectedTab(), "sessionStorage.setItem('b', '2')");
        waitForRows(List.of("a=1", "b=2")); // kept, and live

        keys(KeyCode.F12);
        Inspector inspector = fx(() -> new Inspector(storage, task -> { }, Platform::runLater)); // rows never built
        InspectorPanel dropped = madeAhead(inspector);
        waitUntil("rehearsing", () -> fx(() -> dropped.rehearsal() == Rehearsal.State.RUNNING));
        assertTrue(fx(() -> inspector.shownNamespace().isPresent()), "the rehearsal follows the selected tab");
        fx(() -> {
            window.dock().setPanel(EmptyPanel::new); // lets go of the panel made ahead, which was never connected
            return null;
        });
        assertTrue(fx(() -> inspector.shownNamespace().isEmpty()), "a panel let go of follows nothing");
    }

    @Test
    void aPanelMadeAheadJoinsItsPartsOnlyAfterAPauseInTheInputUnlessAskedFor() throws InterruptedException {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('a', '1')");
        focusPage();
        Typist typist = new Typist();
        InspectorPanel held;
        try {
            held = inTheWindow(fx(() -> new Inspector(storage, ForkJoinPool.commonPool(), Platform::runLater)));
            sleep(1_500);
            assertTrue(fx(() -> held.getChildren().isEmpty()), "no part joined while the person typed");
        } finally {
            typist.close();
        }
        List<long[]> whole = revealsOf(held);
        waitUntil("whole once the person stopped", () -> !whole.isEmpty());
        assertTrue(whole.get(0)[0] - typist.lastKey() >= 900_000_000L, "after a pause of a second: "
                + (whole.get(0)[0] - typist.lastKey()) / 1_000_000 + " ms");
        assertFalse(fx(held::isVisible), "still hidden");

        Typist goesOn = new Typist();
        try {
            InspectorPanel asked = inTheWindow(fx(() -> new Inspector(storage, ForkJoinPool.commonPool(), Platform::runLater)));
            sleep(300);
            assertTrue(fx(() -> asked.getChildren().isEmpty()), "held while the person types");
            goesOn.pressF12();
            waitUntil("F12 shows it whole, rows and all, while the person goes on typing", () -> fx(() -> asked.isVisible()
                    && asked.getOpacity() == 1 && asked.table().getItems().size() == 1));
        } finally {
            goesOn.close();
        }
        waitForRows(List.of("a=1"));
    }

    @Test
    void theRehearsalWaitsForAPauseInTheInputToo() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('a', '1')");
        Inspector inspector = fx(() -> new Inspector(storage, ForkJoinPool.commonPool(), Platform::runLater));
        List<Long> rehearsing = new CopyOnWriteArrayList<>();
        AtomicLong keyAt = new AtomicLong();
        fx(() -> {
            inspector.loadingProperty().addListener((obs, was, now) -> {
                if (now) {
                    rehearsing.add(System.nanoTime());
                }
            });
            return null;
        });
        // A key the moment the panel is whole, between its last part and its rehearsal (50 ms later): a
        // robot's key could not be placed there.
        InspectorPanel panel = inTheWindow(inspector, made -> made.opacityProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() == 1 && keyAt.get() == 0) {
                keyAt.set(System.nanoTime());
                Event.fireEvent(made.getScene().getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SHIFT,
                        true, false, false, false));
            }
        }));
        waitUntil("whole", () -> keyAt.get() != 0);
        sleep(600);
        assertEquals(List.of(), rehearsing, "no rehearsal within a second of the key");
        rehearsed(panel);
        assertEquals(1, rehearsing.size());
        assertTrue(rehearsing.get(0) - keyAt.get() >= 900_000_000L, "it waited for a pause of a second: "
                + (rehearsing.get(0) - keyAt.get()) / 1_000_000 + " ms");
    }

    /** A person typing: Shift every 150 ms on a thread of its own (the robot's only user meanwhile), F12 when told. */
    private final class Typist {
        private final AtomicBoolean f12 = new AtomicBoolean();
        private final AtomicReference<Throwable> failed = new AtomicReference<>();
        private final Thread thread = new Thread(this::type, "typist");
        private volatile boolean typing = true;
        private volatile long lastKey;

        Typist() {
            keys(KeyCode.SHIFT);
            lastKey = System.nanoTime();
            thread.start();
        }

        private void type() {
            try {
                while (typing) {
                    keys(f12.getAndSet(false) ? KeyCode.F12 : KeyCode.SHIFT);
                    lastKey = System.nanoTime();
                    sleep(150);
                }
            } catch (RuntimeException | Error e) {
                failed.set(e);
            }
        }

        void pressF12() {
            f12.set(true);
        }

        long lastKey() {
            return lastKey;
        }

        void close() throws InterruptedException {
            typing = false;
            thread.join();
            if (failed.get() != null) {
                throw new AssertionError("the typist failed", failed.get());
            }
        }
    }

    /** A new panel of {@code inspector} made ahead: in the window, hidden, its parts not necessarily in yet. */
    private InspectorPanel inTheWindow(Inspector inspector) {
        return inTheWindow(inspector, made -> { });
    }

    /** {@link #inTheWindow(Inspector)}, with {@code whenMade} run on the panel as soon as it is made. */
    private InspectorPanel inTheWindow(Inspector inspector, Consumer<InspectorPanel> whenMade) {
        AtomicReference<InspectorPanel> made = new AtomicReference<>();
        fx(() -> {
            window.dock().setPanel(() -> {
                made.set(new InspectorPanel(inspector, () -> InspectorDock.targets(window), new InspectorFiles(
                        InspectorFiles.DIALOGS, ForkJoinPool.commonPool(), Platform::runLater), window.dock()));
                whenMade.accept(made.get());
                return made.get();
            });
            window.dock().prepare();
            return null;
        });
        waitUntil("made ahead, in the window", () -> made.get() != null && fx(() -> made.get().getScene() != null));
        return made.get();
    }

    /** Waits for {@code panel}'s rehearsal to end. */
    private void rehearsed(InspectorPanel panel) {
        waitUntil("its rehearsal done", () -> fx(() -> panel.rehearsal() == Rehearsal.State.DONE));
    }

    /** When {@code panel} turns opaque from now on, and how many rows it shows then. */
    private List<long[]> revealsOf(InspectorPanel panel) {
        List<long[]> reveals = new CopyOnWriteArrayList<>();
        fx(() -> {
            panel.opacityProperty().addListener((obs, old, now) -> {
                if (now.doubleValue() == 1) {
                    reveals.add(new long[] {System.nanoTime(), panel.table().getItems().size()});
                }
            });
            return null;
        });
        return reveals;
    }

    /** A new inspector in the dock, made ahead and whole, whose rows are built by {@code background}. */
    private InspectorPanel madeAhead(SessionStorageService storage, Executor background) {
        return madeAhead(fx(() -> new Inspector(storage, background, Platform::runLater)));
    }

    /** A new panel of {@code inspector} in the dock, made ahead and whole. */
    private InspectorPanel madeAhead(Inspector inspector) {
        InspectorPanel made = inTheWindow(inspector);
        waitUntil("made ahead, whole and hidden", () -> fx(() -> made.getOpacity() == 1 && !made.isVisible()));
        return made;
    }
}
