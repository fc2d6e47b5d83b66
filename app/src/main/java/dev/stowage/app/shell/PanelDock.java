package dev.stowage.app.shell;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * A window's page area with a panel that can be docked at its bottom or its right (the storage inspector,
 * as browsers dock their developer tools).
 *
 * <p>The panel is made the first time it is shown, on the FX thread in a task of its own after the event
 * that asked for it, then {@linkplain Panel#connect connected} in the next and put in the window; a panel
 * that is costly to style spreads its parts over pulses itself (the inspector does). Once made, the panel stays in the
 * scene graph: hiding it makes it invisible, so showing it again, or moving it to the other side, does not
 * style it again (see {@link DockPane}).
 *
 * <p>FX thread, the maker included.
 */
public final class PanelDock {
    /** What the dock shows: nodes made on the FX thread when first shown, then wired to live state. */
    public interface Panel {
        /** The panel's nodes. */
        Parent node();

        /** Called once on the FX thread after the panel is made, before it joins the window. */
        void connect();

        /**
         * Called once on the FX thread when the dock lets a connected panel go (another panel replaces it, or
         * the window closes): it must stop following live state, since nothing will show it again.
         */
        default void close() {
        }
    }

    private static final System.Logger LOG = System.getLogger(PanelDock.class.getName());
    private static final double BOTTOM_SHARE = 0.55;
    private static final double RIGHT_SHARE = 0.6;

    private final DockPane pane = new DockPane();
    private final Consumer<Runnable> fxLater;
    private Node pages;
    private Supplier<? extends Panel> maker;
    private Panel panel;
    private int generation;
    private boolean making;
    private Side side = Side.BOTTOM;
    private boolean showing;

    PanelDock(Consumer<Runnable> fxLater) {
        this.fxLater = Objects.requireNonNull(fxLater, "fxLater");
        pane.setId("panel-dock");
        pane.setSide(side, BOTTOM_SHARE);
    }

    PanelDock() {
        this(Platform::runLater);
    }

    /** The node the window puts where its pages go. */
    Node node() {
        return pane;
    }

    void setPages(Node pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
        pane.setPages(pages);
    }

    /**
     * Makes {@code maker} the maker of the docked panel (the app's storage inspector), replacing any panel
     * made. It runs on the FX thread, once, when the panel is first shown.
     */
    public void setPanel(Supplier<? extends Panel> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
        letGo();
        if (showing) {
            make();
        }
    }

    /** Lets the panel go for good (the window closes): it is closed, and nothing makes another. FX thread. */
    public void close() {
        maker = null;
        showing = false;
        letGo();
    }

    private void letGo() {
        generation++; // a panel still being made is dropped when it arrives
        making = false;
        Panel gone = panel;
        panel = null;
        pane.setPanel(null);
        if (gone != null) {
            closeQuietly(gone); // a replaced inspector went on following every write it had shown (measured: one per round)
        }
    }

    private static void closeQuietly(Panel panel) {
        try {
            panel.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the docked panel did not close cleanly", e); // the window closes all the same
        }
    }

    /** Whether the panel shows, or is being made to show. */
    public boolean isShowing() {
        return showing;
    }

    /** Whether the panel is made and in the window. */
    public boolean isReady() {
        return pane.isPanelShown();
    }

    /** Shows the panel, or hides it (F12, Ctrl+Shift+I); nothing without a panel. */
    public void toggle() {
        setShowing(!showing);
    }

    /** Shows or hides the panel. Showing it the first time makes it, in an FX task of its own: it shows when made. */
    public void setShowing(boolean show) {
        if (show && maker == null) {
            return;
        }
        showing = show;
        if (show && panel == null) {
            make();
            return;
        }
        layOut();
        if (show) {
            panel.node().requestFocus();
        }
    }

    /** Where the panel docks: {@link Side#BOTTOM} (the default) or {@link Side#RIGHT}. */
    public void setSide(Side side) {
        if (side != Side.BOTTOM && side != Side.RIGHT) {
            throw new IllegalArgumentException("the panel docks at the bottom or the right: " + side);
        }
        if (side != this.side) {
            this.side = side;
            pane.setSide(side, side == Side.BOTTOM ? BOTTOM_SHARE : RIGHT_SHARE);
        }
    }

    public Side side() {
        return side;
    }

    private void make() {
        if (making) {
            return;
        }
        making = true;
        int made = generation;
        Supplier<? extends Panel> make = maker;
        // On the FX thread, after the event that asked for it. Not on a background thread, though JavaFX
        // lets a scene no window shows be built there: control skins measure text through one static text
        // layout shared by every thread (javafx.scene.control.skin.Utils), so a panel styled off the FX
        // thread corrupted the FX thread's own measuring (measured: exceptions in its layout passes, and
        // once a panel that could not be made).
        fxLater.accept(() -> {
            if (made != generation) {
                return;
            }
            Panel ready;
            try {
                ready = Objects.requireNonNull(make.get(), "the panel");
            } catch (RuntimeException | Error e) {
                failed(e, null);
                return;
            }
            // Connecting in a task of its own: the first time in a process, making and connecting the
            // inspector each took 20-30 ms (mostly loading classes), one after the other in one task 42-54 ms.
            fxLater.accept(() -> {
                if (made != generation) {
                    return; // never connected: nothing follows live state yet
                }
                making = false;
                try {
                    ready.connect();
                } catch (RuntimeException | Error e) {
                    failed(e, ready); // connect() may have started following live state before it failed
                    return;
                }
                panel = ready;
                pane.setPanel(ready.node());
                setShowing(showing);
            });
        });
    }

    private void failed(Throwable e, Panel half) {
        LOG.log(Level.WARNING, "the docked panel could not be made", e);
        making = false;
        showing = false; // nothing to show; the next F12 tries again
        if (half != null) {
            closeQuietly(half);
        }
    }

    private void layOut() {
        pane.showPanel(showing && panel != null);
    }
}
