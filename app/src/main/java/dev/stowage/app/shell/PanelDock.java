package dev.stowage.app.shell;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * A window's page area with a panel that can be docked at its bottom or its right (the storage inspector,
 * as browsers dock their developer tools).
 *
 * <p>The panel is made the first time it is shown, <em>off the FX thread</em>: its maker runs on the
 * background executor, and the new nodes get their skins, their first CSS pass and their first layout there,
 * in a scene of their own with the window's style sheets and the size the dock will give them (JavaFX lets
 * a scene that no window shows be built and changed on any thread). Done on the FX thread, that first pass
 * held it for 100-200 ms (docs/BENCHMARKS.md). The made panel is then {@linkplain Panel#connect connected}
 * and shown on the FX thread. Once made, the panel stays in the scene graph: hiding it makes it invisible,
 * so showing it again, or moving it to the other side, does not style it again (see {@link DockPane}).
 *
 * <p>FX thread, except the maker.
 */
public final class PanelDock {
    /** What the dock shows: nodes that can be made off the FX thread, and wired to live state on it. */
    public interface Panel {
        /** The panel's nodes. Made by the maker, off the FX thread. */
        Parent node();

        /** Called once on the FX thread after {@link #node()} is styled and laid out, before it shows. */
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
    private final Executor background;
    private final Consumer<Runnable> fxLater;
    private Node pages;
    private Supplier<? extends Panel> maker;
    private Panel panel;
    private int generation;
    private boolean making;
    private Side side = Side.BOTTOM;
    private boolean showing;

    PanelDock(Executor background, Consumer<Runnable> fxLater) {
        this.background = Objects.requireNonNull(background, "background");
        this.fxLater = Objects.requireNonNull(fxLater, "fxLater");
        pane.setId("panel-dock");
        pane.setSide(side, BOTTOM_SHARE);
    }

    PanelDock(Executor background) {
        this(background, Platform::runLater);
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
     * made. It runs on the background executor, once, when the panel is first shown.
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
            try {
                gone.close(); // a replaced inspector went on following every write it had shown (measured: one per round)
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the docked panel did not close cleanly", e); // the window closes all the same
            }
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

    /** Shows or hides the panel. Showing it the first time makes it off the FX thread: it shows when made. */
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
        List<String> sheets = pane.getScene() == null ? List.of() : List.copyOf(pane.getScene().getStylesheets());
        double[] size = pane.panelSize(side);
        double width = size[0];
        double height = size[1];
        background.execute(() -> {
            Panel made0;
            try {
                made0 = Objects.requireNonNull(make.get(), "the panel");
                Group holder = new Group(made0.node());
                Scene offscreen = new Scene(holder, Math.max(width, 1), Math.max(height, 1));
                offscreen.getStylesheets().setAll(sheets);
                made0.node().applyCss();
                made0.node().resize(Math.max(width, 1), Math.max(height, 1));
                made0.node().layout();
                // Under a group, not as the root: a scene root gets the "root" style class, and taking it
                // off again left nodes added to the panel later unstyled in the window (seen: the grid's rows).
                holder.getChildren().clear();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "the docked panel could not be made", e);
                fxLater.accept(() -> {
                    if (made == generation) {
                        making = false;
                        showing = false;
                    }
                });
                return;
            }
            Panel ready = made0;
            fxLater.accept(() -> {
                if (made != generation) {
                    return;
                }
                making = false;
                try {
                    ready.connect();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the docked panel could not be connected", e);
                    showing = false; // nothing to show; the next F12 makes it again
                    return;
                }
                panel = ready;
                pane.setPanel(ready.node());
                setShowing(showing);
            });
        });
    }

    private void layOut() {
        pane.showPanel(showing && panel != null);
    }
}
