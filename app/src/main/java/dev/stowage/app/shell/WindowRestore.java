package dev.stowage.app.shell;

import dev.stowage.session.TabState;
import dev.stowage.session.TabState.HistoryEntry;
import dev.stowage.session.WindowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /** The window's tabs in strip order, its selection, closed-tab list and bounds, as they are now. */
    static WindowState capture(Stage stage, List<BrowserTab> tabs, int selected, List<TabState> closed,
                               Function<BrowserTab, Optional<String>> namespaceOf) {
        List<TabState> states = new ArrayList<>(tabs.size());
        for (int i = 0; i < tabs.size(); i++) {
            states.add(stateOf(tabs.get(i), i, namespaceOf.apply(tabs.get(i)).orElse("")));
        }
        return new WindowState(states, Math.max(0, Math.min(selected, states.size() - 1)), closed, boundsOf(stage));
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

    /** See {@link BrowserWindow#restore}. */
    static void restore(BrowserWindow window, WindowState saved) {
        int base = window.model().tabs().size();
        for (int i = 0; i < saved.tabs().size(); i++) {
            TabState state = saved.tabs().get(i);
            boolean selected = i == saved.selected();
            TabStart start = state.namespaceId().isEmpty() ? TabStart.FRESH : new TabStart.Reattach(state.namespaceId());
            BrowserTab tab = window.openTab(new TabOpening(null, base + i, selected, null, start, null, false, false));
            tab.setZoom(state.zoom());
            if (isBlank(state)) {
                continue;
            }
            if (selected) {
                tab.restoreHistory(state.history(), state.historyIndex());
            } else {
                tab.restoreDeferred(state);
            }
        }
        for (int i = saved.closed().size() - 1; i >= 0; i--) {
            window.rememberClosed(saved.closed().get(i));
        }
        place(window.stage(), saved.bounds());
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
