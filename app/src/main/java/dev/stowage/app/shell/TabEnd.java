package dev.stowage.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.web.WebEngine;
import javafx.util.Duration;

/**
 * How a {@link BrowserTab} ends: what runs as it starts closing (its page still there), the unload of its
 * page ({@link PageUnload}), and what runs once the page has unloaded. FX thread only.
 */
final class TabEnd {
    /** How long a closing tab waits for its page to unload before it is dropped anyway. */
    static final Duration UNLOAD_TIMEOUT = Duration.seconds(3);

    private static final System.Logger LOG = System.getLogger(TabEnd.class.getName());
    private final List<Runnable> closing = new ArrayList<>();
    private final List<Runnable> closed = new ArrayList<>();
    private boolean started;

    void whenClosing(Runnable action) {
        closing.add(Objects.requireNonNull(action, "action"));
    }

    void whenClosed(Runnable action) {
        closed.add(Objects.requireNonNull(action, "action"));
    }

    /** Whether the tab has started closing. */
    boolean started() {
        return started;
    }

    /** Runs the closing actions, unloads {@code engine}'s page, then runs the closed actions and {@code whenDone}. */
    void start(WebEngine engine, Runnable whenDone) {
        Objects.requireNonNull(whenDone, "whenDone");
        started = true;
        for (Runnable action : closing) {
            try {
                action.run();
            } catch (RuntimeException e) { // the page may be half gone; the tab must still close
                LOG.log(System.Logger.Level.WARNING, "a closing tab's hook failed", e);
            }
        }
        PageUnload.start(engine, UNLOAD_TIMEOUT, () -> {
            closed.forEach(Runnable::run);
            whenDone.run();
        });
    }
}
