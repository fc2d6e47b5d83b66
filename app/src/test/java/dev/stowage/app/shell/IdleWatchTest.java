package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.Fx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When idle work runs: after the quiet time with no input, counted again from each input, once, only while
 * the window shows, and one window's task a quiet time after another's. The clock and its timer are fakes
 * this test moves by hand; the windows are real.
 */
class IdleWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Duration QUIET = Duration.seconds(3);

    private long now = 1_000 * SECOND;
    private long lastInput = now;
    /** The timer's pending tasks: when each is due, and what it runs. */
    private final List<Object[]> timers = new ArrayList<>();
    private final IdleWatch.Process process = new IdleWatch.Process(new IdleWatch.Clock() {
        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Runnable after(Duration delay, Runnable task) {
            Object[] timer = {now + Math.round(delay.toMillis() * 1e6), task};
            timers.add(timer);
            return () -> timers.remove(timer);
        }
    }, () -> lastInput);
    private final List<Stage> stages = new ArrayList<>();

    @BeforeAll
    static void startToolkit() {
        Fx.start();
    }

    @AfterEach
    void closeWindows() {
        Fx.run(() -> stages.forEach(Stage::close));
    }

    private Pane shownNode(boolean show) {
        return Fx.call(() -> {
            Pane node = new Pane();
            Stage stage = new Stage();
            stage.setScene(new Scene(new Pane(node), 100, 100));
            stages.add(stage);
            if (show) {
                stage.show();
            }
            return node;
        });
    }

    /** Moves the clock to {@code seconds} past the start and runs the timers due by then. */
    private void at(double seconds) {
        Fx.run(() -> {
            now = 1_000 * SECOND + Math.round(seconds * SECOND);
            List<Object[]> due = timers.stream().filter(t -> (long) t[0] <= now).toList();
            timers.removeAll(due);
            due.forEach(t -> ((Runnable) t[1]).run());
        });
    }

    @Test
    void runsOnceAfterTheQuietTimeCountedFromTheLastInput() {
        AtomicInteger ran = new AtomicInteger();
        Pane node = shownNode(true);
        Fx.run(() -> new IdleWatch(node, QUIET, ran::incrementAndGet, process));
        at(2);
        lastInput = now; // typing at 2 s
        at(3);
        assertEquals(0, ran.get(), "input at 2 s: not idle at 3 s");
        at(4.9);
        assertEquals(0, ran.get());
        at(5);
        assertEquals(1, ran.get(), "idle 3 s after the last input");
        at(60);
        assertEquals(1, ran.get(), "once");
        assertTrue(timers.isEmpty(), "nothing left waiting");
    }

    @Test
    void waitsForTheWindowToShowAndStopsWhenCancelled() {
        AtomicInteger ran = new AtomicInteger();
        Pane hidden = shownNode(false);
        Fx.run(() -> new IdleWatch(hidden, QUIET, ran::incrementAndGet, process));
        at(10);
        assertEquals(0, ran.get(), "a window not shown is not idle");
        Fx.run(() -> stages.get(0).show());
        at(12);
        assertEquals(0, ran.get(), "the quiet time counts from the showing");
        at(13);
        assertEquals(1, ran.get());

        AtomicInteger other = new AtomicInteger();
        Pane node = shownNode(true);
        IdleWatch cancelled = Fx.call(() -> new IdleWatch(node, QUIET, other::incrementAndGet, process));
        Fx.run(cancelled::cancel);
        at(30);
        assertEquals(0, other.get());
    }

    @Test
    void windowsIdleTogetherRunTheirTasksAQuietTimeApart() {
        List<String> ran = new ArrayList<>();
        Pane a = shownNode(true);
        Pane b = shownNode(true);
        Fx.run(() -> {
            new IdleWatch(a, QUIET, () -> ran.add("a"), process);
            new IdleWatch(b, QUIET, () -> ran.add("b"), process);
        });
        at(3);
        assertEquals(List.of("a"), ran, "one window's idle work at a time");
        at(5.9);
        assertEquals(List.of("a"), ran);
        at(6);
        assertEquals(List.of("a", "b"), ran);
    }
}
