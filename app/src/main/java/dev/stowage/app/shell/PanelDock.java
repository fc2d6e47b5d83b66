package dev.stowage.app.shell;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.util.Duration;

/**
 * A window's page area with a panel that can be docked at its bottom or its right (the storage inspector,
 * as browsers dock their developer tools).
 *
 * <p>The panel is made the first time it is shown, or ahead of that when the process is idle
 * ({@link #setPanel(Supplier, Duration)}), on the FX thread in a task of its own after the event that asked for it, and
 * put in the window hidden; it is {@linkplain Panel#connect connected} in a later task, when first shown, and
 * shows then. A panel that is costly to style spreads its parts over pulses itself once in the window (the
 * inspector does). Once made, the panel stays in the scene graph: hiding it makes it invisible, so showing it
 * again, or moving it to the other side, does not style it again (see {@link DockPane}).
 *
 * <p>FX thread, the maker included.
 */
public final class PanelDock {
    /** What the dock shows: nodes made on the FX thread when first shown, then wired to live state. */
    public interface Panel {
        /** The panel's nodes. */
        Parent node();

        /** Called once on the FX thread when the panel first shows: just after it is made, or later if made ahead. */
        void connect();

        /**
         * Called once on the FX thread when the dock lets a connected panel go (another panel replaces it, or
         * the window closes): it must stop following live state, since nothing will show it again. A panel
         * made ahead and never connected is only taken out of the scene graph.
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
    /** Made and in the pane (hidden until connected and shown), or null. */
    private Panel panel;
    private PanelState state = PanelState.NONE;
    private int generation;
    private Side side = Side.BOTTOM;
    private boolean showing;
    private IdleWatch idleWatch;

    /** Where the panel is in its life; each step past {@code NONE} runs in an FX task of its own. */
    private enum PanelState {
        /** Nothing made, nor asked for. */
        NONE,
        /** A task that makes it is queued. */
        MAKING,
        /** Made and in the window's scene graph, hidden and not connected (made ahead, or about to connect). */
        MADE,
        /** Made; a task that connects it is queued. */
        CONNECTING,
        /** Connected: shown, or hidden and still following. */
        CONNECTED
    }

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
     * Makes {@code maker} the maker of the docked panel, replacing any panel made. It runs on the FX thread,
     * once, when the panel is first shown or {@linkplain #prepare() prepared}.
     */
    public void setPanel(Supplier<? extends Panel> maker) {
        setPanel(maker, null);
    }

    /**
     * {@link #setPanel(Supplier)}, and {@linkplain #prepare() prepares} the panel once the window shows and
     * the process has had no input for {@code idle} ({@link IdleWatch}: in any window, and one window's panel
     * at a time), unless it was shown first: the storage inspector's first showing in a process is otherwise
     * several frames of loading and styling (docs/BENCHMARKS.md). Null prepares nothing ahead.
     */
    public void setPanel(Supplier<? extends Panel> maker, Duration idle) {
        this.maker = Objects.requireNonNull(maker, "maker");
        stopWatching();
        letGo();
        if (showing) {
            make();
        } else if (idle != null) {
            idleWatch = new IdleWatch(pane, idle, this::prepare);
        }
    }

    /** Lets the panel go for good (the window closes): it is closed, and nothing makes another. FX thread. */
    public void close() {
        maker = null;
        showing = false;
        stopWatching();
        letGo();
    }

    /**
     * Makes the panel ahead of its first showing, if it is not made yet: it joins the window hidden and is
     * not connected, so a panel that styles its parts over pulses (the inspector) does that now, and
     * showing it later only connects and shows it. The making runs in an FX task of its own. FX thread.
     */
    public void prepare() {
        stopWatching();
        if (maker != null && state == PanelState.NONE) {
            make();
        }
    }

    private void stopWatching() {
        if (idleWatch != null) {
            idleWatch.cancel();
            idleWatch = null;
        }
    }

    private void letGo() {
        generation++; // a panel still being made or connected is dropped when its task runs
        Panel gone = panel;
        boolean wasConnected = state == PanelState.CONNECTED;
        panel = null;
        state = PanelState.NONE;
        pane.setPanel(null);
        if (gone != null && wasConnected) {
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

    /** Whether the panel is made (shown or not, connected or not). */
    public boolean isMade() {
        return panel != null;
    }

    /** Shows the panel, or hides it (F12, Ctrl+Shift+I); nothing without a panel. */
    public void toggle() {
        setShowing(!showing);
    }

    /**
     * Shows or hides the panel. Showing it the first time makes it (unless {@linkplain #prepare() prepared})
     * and connects it, each in an FX task of its own: it shows when connected.
     */
    public void setShowing(boolean show) {
        if (show && maker == null) {
            return;
        }
        showing = show;
        if (show && state == PanelState.NONE) {
            make();
            return;
        }
        if (show && state == PanelState.MADE) {
            connect();
            return;
        }
        layOut();
        if (show && state == PanelState.CONNECTED) {
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
        stopWatching(); // made now, ahead or not
        state = PanelState.MAKING;
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
            panel = ready;
            state = PanelState.MADE;
            pane.setPanel(ready.node()); // hidden: its parts may start joining the scene
            if (showing) {
                connect();
            }
        });
    }

    private void connect() {
        state = PanelState.CONNECTING;
        int made = generation;
        Panel ready = panel;
        // Connecting in a task of its own: the first time in a process, making and connecting the
        // inspector each took 20-30 ms (mostly loading classes), one after the other in one task 42-54 ms.
        fxLater.accept(() -> {
            if (made != generation) {
                return; // never connected: nothing follows live state yet
            }
            try {
                ready.connect();
            } catch (RuntimeException | Error e) {
                failed(e, ready); // connect() may have started following live state before it failed
                return;
            }
            state = PanelState.CONNECTED;
            setShowing(showing);
        });
    }

    private void failed(Throwable e, Panel half) {
        LOG.log(Level.WARNING, "the docked panel could not be made", e);
        generation++;
        panel = null;
        state = PanelState.NONE;
        pane.setPanel(null);
        showing = false; // nothing to show; the next F12 tries again
        if (half != null) {
            closeQuietly(half);
        }
    }

    private void layOut() {
        pane.showPanel(showing && state == PanelState.CONNECTED);
    }
}
