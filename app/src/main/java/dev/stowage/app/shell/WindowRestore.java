package dev.stowage.app.shell;

import dev.stowage.session.TabState;
import dev.stowage.session.TabState.HistoryEntry;
import dev.stowage.session.WindowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * A window as the session keeps it ({@link WindowState}), taken from a live {@link BrowserWindow} and
 * brought back into one. FX thread only.
 */
final class WindowRestore {
    /** What a tab that never showed a page is saved as: it comes back as a new-tab page. */
    static final String BLANK = "about:blank";

    private WindowRestore() {
    }

    /** The window with {@code tabs} in strip order, its selection, closed-tab list and bounds as they are now. */
    static WindowState capture(Stage stage, List<TabState> tabs, int selected, List<TabState> closed) {
        return new WindowState(tabs, Math.max(0, Math.min(selected, tabs.size() - 1)), closed, boundsOf(stage));
    }

    /** The states of {@code models}' tabs in strip order: a live tab's as it is now, a dormant one's as saved. */
    static List<TabState> statesOf(List<TabModel> models, Function<TabModel, BrowserTab> live,
                                   Function<BrowserTab, String> namespaceOf, DormantTabs dormant) {
        List<TabState> states = new ArrayList<>(models.size());
        for (TabModel tabModel : models) {
            int position = states.size();
            BrowserTab tab = live.apply(tabModel);
            if (tab != null) {
                states.add(stateOf(tab, position, namespaceOf.apply(tab)));
            } else {
                dormant.stateOf(tabModel, position).ifPresent(states::add);
            }
        }
        return states;
    }

    /** One open tab's state: its history (or the URL that failed, or a blank page), title, icon and zoom. */
    static TabState stateOf(BrowserTab tab, int position, String namespaceId) {
        TabModel model = tab.model();
        TabModel.LoadError error = model.errorProperty().get();
        TabState state = ClosedTabs.stateOf(tab.historyEntries(), tab.historyIndex(), model.titleProperty().get(),
                        error == null ? null : error.url(), position)
                .orElseGet(() -> new TabState("", List.of(new HistoryEntry(BLANK, "")), 0, "", position));
        return new TabState(namespaceId, state.history(), state.historyIndex(), state.title(), position,
                model.faviconDataProperty().get(), tab.zoom());
    }

    private static WindowState.Bounds boundsOf(Stage stage) {
        double width = positive(stage.getWidth(), stage.getScene() == null ? 1024 : stage.getScene().getWidth());
        double height = positive(stage.getHeight(), stage.getScene() == null ? 720 : stage.getScene().getHeight());
        return new WindowState.Bounds(finite(stage.getX()), finite(stage.getY()), width, height);
    }

    /**
     * See {@link BrowserWindow#restore}. The selected tab opens first, so that no other becomes selected
     * on the way (and wakes); each other tab goes in at its own place, dormant.
     */
    static void restore(BrowserWindow window, WindowState saved) {
        int base = window.model().tabs().size();
        if (!saved.tabs().isEmpty()) {
            reopen(window, saved.tabs().get(saved.selected()).withPosition(base));
        }
        for (int i = 0; i < saved.tabs().size(); i++) {
            if (i != saved.selected()) {
                window.openDormant(saved.tabs().get(i), base + i);
            }
        }
        for (int i = saved.closed().size() - 1; i >= 0; i--) {
            window.rememberClosed(saved.closed().get(i));
        }
        place(window.stage(), saved.bounds());
    }

    /**
     * Opens {@code state} as a selected tab at its position, with its storage namespace (if any) taken up
     * again, its zoom and its history, loading its current entry (a closed tab reopened, a restored one).
     */
    static BrowserTab reopen(BrowserWindow window, TabState state) {
        TabStart start = state.namespaceId().isEmpty() ? TabStart.FRESH : new TabStart.Reattach(state.namespaceId());
        BrowserTab tab = window.openTab(new TabOpening(null, state.position(), true, null, start, null, false, false));
        tab.setZoom(state.zoom());
        if (!isBlank(state)) {
            tab.restoreHistory(state.history(), state.historyIndex());
        }
        return tab;
    }

    /** Whether {@code state} is a tab that showed nothing: it comes back without loading. */
    static boolean isBlank(TabState state) {
        return state.history().size() == 1 && state.current().url().equals(BLANK);
    }

    /**
     * Puts the window where {@code bounds} say, in size always, in position only if that still lies on a
     * screen (a monitor may have gone since).
     */
    static void place(Stage stage, WindowState.Bounds bounds) {
        Objects.requireNonNull(bounds, "bounds");
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        Rectangle2D wanted = new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height());
        boolean onScreen = Screen.getScreens().stream()
                .anyMatch(screen -> screen.getVisualBounds().intersects(wanted));
        if (onScreen) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
    }

    private static double positive(double value, double fallback) {
        return value > 0 && Double.isFinite(value) ? value : fallback > 0 ? fallback : 800;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
