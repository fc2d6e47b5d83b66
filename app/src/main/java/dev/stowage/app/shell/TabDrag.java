package dev.stowage.app.shell;

import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Popup;

/**
 * Dragging a tab header with the primary button, as in Chrome and Firefox: along the strip the tab takes
 * its place among the others as the pointer goes; dragged off the strip, a picture of the tab follows the
 * pointer, and letting go there moves the tab to the window whose strip is under the pointer, or to a new
 * window there ({@link TabActions#dropTab}). Letting go back on the strip keeps it in this window. It
 * follows mouse events, not the platform's drag and drop, so that it works the same under every glass
 * (Monocle's has none) and never hands the tab to another program. FX thread only.
 */
final class TabDrag {
    /** How far the pointer goes before a press becomes a drag, so a click never moves a tab. */
    static final double START = 6;
    static final PseudoClass DRAGGED = PseudoClass.getPseudoClass("dragged");

    private final TabStripView strip;
    private final TabActions actions;
    private Point2D pressedAt;
    private boolean dragging;
    private Popup ghost;

    TabDrag(TabStripView strip, TabActions actions) {
        this.strip = Objects.requireNonNull(strip, "strip");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /** Lets {@code header}, the header of {@code tab}, be dragged. */
    void install(Node header, TabModel tab) {
        header.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                hideGhost(); // a drag that ended without a release (a dialog took the pointer) leaves nothing
                actions.dragOver(tab, Double.NaN, Double.NaN);
                pressedAt = new Point2D(e.getScreenX(), e.getScreenY());
                dragging = false;
            }
        });
        header.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pressedAt == null || !e.isPrimaryButtonDown()) {
                return;
            }
            if (!dragging && pressedAt.distance(e.getScreenX(), e.getScreenY()) < START) {
                return;
            }
            dragging = true;
            header.pseudoClassStateChanged(DRAGGED, true);
            if (strip.holds(e.getScreenX(), e.getScreenY())) {
                hideGhost();
                actions.dragOver(tab, Double.NaN, Double.NaN);
                int index = strip.indexAmongOthers(tab, e.getScreenX());
                if (index != strip.indexOf(tab)) {
                    actions.moveTab(tab, index);
                }
            } else {
                showGhost(header, e.getScreenX(), e.getScreenY());
                actions.dragOver(tab, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        header.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || pressedAt == null) {
                return;
            }
            boolean dropped = dragging && !strip.holds(e.getScreenX(), e.getScreenY());
            pressedAt = null;
            dragging = false;
            header.pseudoClassStateChanged(DRAGGED, false);
            hideGhost();
            actions.dragOver(tab, Double.NaN, Double.NaN);
            if (dropped) {
                actions.dropTab(tab, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /**
     * A picture of the tab beside the pointer, never under it: a window under the pointer could take the
     * drag's events on a glass that sends them to the window there.
     */
    private void showGhost(Node header, double screenX, double screenY) {
        if (ghost == null) {
            if (header.getScene() == null) {
                return; // the header left the strip under the pointer
            }
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(Color.TRANSPARENT);
            ImageView picture = new ImageView(header.snapshot(parameters, null));
            picture.setOpacity(0.8);
            picture.setMouseTransparent(true);
            ghost = new Popup();
            ghost.getContent().add(picture);
            ghost.show(header.getScene().getWindow(), screenX + 12, screenY + 12);
        }
        ghost.setX(screenX + 12);
        ghost.setY(screenY + 12);
    }

    private void hideGhost() {
        if (ghost != null) {
            ghost.hide();
            ghost = null;
        }
    }
}
