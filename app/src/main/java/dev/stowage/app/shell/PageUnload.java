package dev.stowage.app.shell;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.util.Duration;

/**
 * Unloads a closing tab's page the way a browser does, so its {@code pagehide} and {@code unload} handlers
 * run (pages save state there): loading {@code about:blank} is what makes WebKit unload the document. Gives
 * up after a timeout, so a page that never finishes cannot hold a window open. FX thread only.
 */
final class PageUnload {
    private PageUnload() {
    }

    /**
     * Starts unloading {@code engine}'s page; {@code whenDone} runs once on the FX thread when it has
     * unloaded or {@code timeout} passed. The engine opens no popups from then on.
     */
    static void start(WebEngine engine, Duration timeout, Runnable whenDone) {
        Objects.requireNonNull(whenDone, "whenDone");
        // A page's pagehide/unload handlers may call window.open: a closing tab opens nothing.
        engine.setCreatePopupHandler(features -> null);
        Runnable[] finish = new Runnable[1];
        PauseTransition timer = new PauseTransition(timeout);
        ChangeListener<Worker.State> done = (obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                finish[0].run();
            }
        };
        finish[0] = new Runnable() {
            private boolean ran;

            @Override
            public void run() {
                if (!ran) {
                    ran = true;
                    timer.stop();
                    engine.getLoadWorker().stateProperty().removeListener(done);
                    engine.setCreatePopupHandler(features -> null);
                    whenDone.run();
                }
            }
        };
        String location = engine.getLocation();
        if (location == null || location.isEmpty() || location.equals("about:blank")) {
            finish[0].run();
            return;
        }
        timer.setOnFinished(e -> finish[0].run());
        timer.play();
        engine.getLoadWorker().stateProperty().addListener(done);
        engine.load("about:blank");
    }
}
