package dev.stowage.app.page;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
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
 * <p><b>What.</b> When the WebView gains controls, once each has its skin and a further pulse has copied
 * them to the render graph, the whole page is painted again, once ({@code WebPage.forceRepaint}, private
 * API, through {@link DocumentStartHook#repainter}). A WebView outside a scene (a tab in the background)
 * waits until it is in one. FX thread.
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
    private Scene listening;

    private FormControlRepaint(WebView view, Runnable repaint) {
        this.view = view;
        this.repaint = repaint;
        view.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                for (Node added : change.getAddedSubList()) {
                    if (added instanceof Control control) {
                        waiting.add(control);
                    }
                }
            }
            if (!waiting.isEmpty()) {
                listen();
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
            repaint.run(); // may add controls again: those wait for a repaint of their own
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
