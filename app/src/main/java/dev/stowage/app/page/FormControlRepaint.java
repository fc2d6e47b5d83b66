package dev.stowage.app.page;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.web.WebView;

/**
 * Repaints a page once the controls that draw its form fields are styled.
 *
 * <p><b>Why.</b> WebView draws a page's inputs, buttons and selects with JavaFX controls
 * ({@code RenderThemeImpl}, read with {@code javap}): a control made while WebKit paints is added to the
 * WebView and drawn at once, before any CSS pass has given it a skin, so the field is drawn as its text
 * alone, without border or background, and nothing paints it again once the next pulse has styled it (the
 * pointer passing over it does). At load that is a race: a form page that read {@code sessionStorage} as it
 * loaded lost it in 3 of 8 loads under the robot, and in 6 of 10 under Xvfb; fields added later were drawn
 * right.
 *
 * <p><b>What.</b> When the WebView gains controls in a load (from its start until this repaint), once each
 * has its skin and a further pulse has copied them to the render graph, the whole page is painted again,
 * once per load
 * ({@code WebPage.forceRepaint}, private API, through {@link DocumentStartHook#repainter}). Controls gained
 * later (fields scrolled into view, added by script) were drawn styled without it (measured: 0 of 29 while
 * scrolling a long form, which would otherwise have cost a repaint of the page every other scroll step). A
 * WebView outside a scene (a tab in the background) waits until it is in one. FX thread.
 */
public final class FormControlRepaint {
    private static final System.Logger LOG = System.getLogger(FormControlRepaint.class.getName());

    private final WebView view;
    private final Runnable repaint;
    private final Runnable check = this::check;
    /** Controls the view gained since the last repaint, not yet painted styled. */
    private final List<Control> waiting = new ArrayList<>();
    /** Each waiting control had its skin at the last check: the next pulse repaints. */
    private boolean styled;
    /** A document is loading or loaded and its page not yet repainted: controls gained now are waited for. */
    private boolean armed = true;
    private Scene listening;

    FormControlRepaint(WebView view, Runnable repaint) {
        this.view = Objects.requireNonNull(view, "view");
        this.repaint = Objects.requireNonNull(repaint, "repaint");
        view.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                for (Node added : change.getAddedSubList()) {
                    if (armed && added instanceof Control control) {
                        waiting.add(control);
                    }
                }
            }
            if (!waiting.isEmpty()) {
                listen();
            }
        });
        view.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.RUNNING) {
                armed = true;
            }
        });
        view.sceneProperty().addListener((obs, old, scene) -> {
            stop();
            if (!waiting.isEmpty()) {
                listen();
            }
        });
    }

    /**
     * Has {@code view}'s page painted again once its form controls are styled. Without WebKit's private
     * repaint (another JavaFX), it says so once in the log and does nothing. FX thread.
     */
    public static void install(WebView view) {
        Objects.requireNonNull(view, "view");
        Runnable repaint;
        try {
            repaint = DocumentStartHook.repainter(view.getEngine());
        } catch (InjectionUnavailableException e) {
            LOG.log(Level.WARNING, "form fields may be drawn unstyled until pointed at: " + e.getMessage());
            return;
        }
        new FormControlRepaint(view, repaint);
    }

    private void listen() {
        Scene scene = view.getScene();
        if (scene == null || scene == listening) {
            return;
        }
        stop();
        listening = scene;
        scene.addPostLayoutPulseListener(check);
        Platform.requestNextPulse();
    }

    private void stop() {
        if (listening != null) {
            listening.removePostLayoutPulseListener(check);
            listening = null;
        }
        styled = false;
    }

    private void check() {
        if (styled) {
            stop();
            waiting.clear();
            armed = false;
            repaint.run();
            return;
        }
        waiting.removeIf(control -> control.getParent() != view); // let go of meanwhile
        if (waiting.isEmpty()) {
            stop();
            return;
        }
        // Skinned in this pulse's CSS pass, copied to the render graph after it: repaint in the next pulse.
        styled = waiting.stream().allMatch(control -> control.getSkin() != null);
        Platform.requestNextPulse();
    }
}
