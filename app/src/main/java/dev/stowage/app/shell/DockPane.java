package dev.stowage.app.shell;

import java.util.Objects;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Lays out the pages and a docked panel, at the bottom or the right, with a divider that can be dragged.
 *
 * <p>Why not a {@link javafx.scene.control.SplitPane}: showing or hiding an item there means taking it out
 * of the scene graph and putting it back, and JavaFX then styles the whole subtree again (measured: 10-50 ms
 * for the inspector, besides the pages). Here the panel and the pages keep their parent: hiding the panel
 * makes it invisible and unmanaged, and moving it to the other side only lays it out again. FX thread.
 */
final class DockPane extends Region {
    private static final double DIVIDER = 5;
    private static final double LEAST = 0.1;

    private final Region divider = new Region();
    private Node pages;
    private Node panel;
    private Side side = Side.BOTTOM;
    /** The pages' share of the width (docked right) or the height (docked at the bottom). */
    private double pagesShare = 0.55;

    DockPane() {
        getStyleClass().add("dock-pane");
        divider.getStyleClass().add("dock-divider");
        divider.setVisible(false);
        divider.setManaged(false);
        divider.setOnMouseDragged(e -> {
            javafx.geometry.Point2D at = sceneToLocal(e.getSceneX(), e.getSceneY());
            double whole = side == Side.BOTTOM ? getHeight() : getWidth();
            if (whole > 0) {
                setPagesShare((side == Side.BOTTOM ? at.getY() : at.getX()) / whole);
            }
            e.consume();
        });
        getChildren().add(divider);
    }

    void setPages(Node pages) {
        Objects.requireNonNull(pages, "pages");
        if (this.pages != null) {
            getChildren().remove(this.pages);
        }
        this.pages = pages;
        getChildren().add(0, pages);
    }

    /** Puts {@code panel} in (hidden), replacing any panel; null takes it out. */
    void setPanel(Node panel) {
        if (this.panel != null) {
            getChildren().remove(this.panel);
        }
        this.panel = panel;
        if (panel != null) {
            panel.setVisible(false);
            panel.setManaged(false);
            getChildren().add(getChildren().indexOf(divider), panel);
        }
        showPanel(false);
    }

    /** Shows or hides the panel put in; it stays in the scene graph either way. */
    void showPanel(boolean show) {
        boolean shown = show && panel != null;
        if (panel != null) {
            panel.setVisible(shown);
            panel.setManaged(shown);
        }
        divider.setVisible(shown);
        divider.setManaged(shown);
        requestLayout();
    }

    boolean isPanelShown() {
        return panel != null && panel.isVisible();
    }

    void setSide(Side side, double pagesShare) {
        this.side = Objects.requireNonNull(side, "side");
        divider.setCursor(side == Side.BOTTOM ? Cursor.V_RESIZE : Cursor.H_RESIZE);
        setPagesShare(pagesShare);
    }

    /** The pages' share of the room, kept between a tenth and nine tenths. */
    double pagesShare() {
        return pagesShare;
    }

    private void setPagesShare(double share) {
        pagesShare = Math.max(LEAST, Math.min(1 - LEAST, share));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        if (pages == null) {
            return;
        }
        boolean shown = isPanelShown();
        if (!shown) {
            pages.resizeRelocate(x, y, w, h);
        }
        // A hidden panel is laid out at the size it will show at, so that a panel made ahead lays its parts
        // out while hidden: laid out only when shown, the inspector's first opening spent 15-19 ms of the FX
        // thread on it (measured).
        if (side == Side.BOTTOM) {
            double top = snapSizeY(Math.max(0, h * pagesShare - DIVIDER / 2));
            if (shown) {
                pages.resizeRelocate(x, y, w, top);
                divider.resizeRelocate(x, y + top, w, DIVIDER);
            }
            if (panel != null) {
                panel.resizeRelocate(x, y + top + DIVIDER, w, Math.max(0, h - top - DIVIDER));
            }
        } else {
            double left = snapSizeX(Math.max(0, w * pagesShare - DIVIDER / 2));
            if (shown) {
                pages.resizeRelocate(x, y, left, h);
                divider.resizeRelocate(x + left, y, DIVIDER, h);
            }
            if (panel != null) {
                panel.resizeRelocate(x + left + DIVIDER, y, Math.max(0, w - left - DIVIDER), h);
            }
        }
    }
}
