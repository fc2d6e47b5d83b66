package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;

/**
 * A window's page area with a panel that can be docked at its bottom or its right (the storage inspector,
 * as browsers dock their developer tools). The panel is made the first time it is shown and kept while
 * hidden. FX thread only.
 */
public final class PanelDock {
    private final SplitPane split = new SplitPane();
    private final StackPane root = new StackPane(split);
    private Node pages;
    private Supplier<? extends Node> factory;
    private Node panel;
    private Side side = Side.BOTTOM;
    private boolean showing;

    PanelDock() {
        split.setId("panel-dock");
    }

    /** The node the window puts where its pages go. */
    Node node() {
        return root;
    }

    void setPages(Node pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
        layOut();
    }

    /** Makes {@code factory} the maker of the docked panel (the app's storage inspector), replacing any made. */
    public void setPanel(Supplier<? extends Node> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        if (panel != null) {
            panel = null;
            setShowing(showing);
        }
    }

    /** Whether the panel shows. */
    public boolean isShowing() {
        return showing;
    }

    /** Shows the panel, or hides it (F12, Ctrl+Shift+I); nothing without a panel. */
    public void toggle() {
        setShowing(!showing);
    }

    public void setShowing(boolean show) {
        if (show && factory == null) {
            return;
        }
        if (show && panel == null) {
            panel = Objects.requireNonNull(factory.get(), "the panel");
        }
        showing = show;
        layOut();
        if (show) {
            panel.requestFocus();
        }
    }

    /** Where the panel docks: {@link Side#BOTTOM} (the default) or {@link Side#RIGHT}. */
    public void setSide(Side side) {
        if (side != Side.BOTTOM && side != Side.RIGHT) {
            throw new IllegalArgumentException("the panel docks at the bottom or the right: " + side);
        }
        this.side = side;
        layOut();
    }

    public Side side() {
        return side;
    }

    private void layOut() {
        split.setOrientation(side == Side.BOTTOM ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        if (pages == null) {
            return;
        }
        if (showing && panel != null) {
            split.getItems().setAll(pages, panel);
            split.setDividerPositions(side == Side.BOTTOM ? 0.55 : 0.6);
        } else {
            split.getItems().setAll(pages);
        }
    }
}
