package dev.stowage.app.shell;

import dev.stowage.session.TabState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A window's restored background tabs that have no page yet (Firefox's restore-on-demand): each is a
 * {@link TabModel} in the strip showing its saved title, address and icon, and the {@link TabState} it was
 * saved as, until it is first selected (or something needs its page) and the window wakes it into a
 * {@link BrowserTab}. A restore makes no {@code WebView} for them: 49 unselected WebViews with their storage
 * bridge were most of the time a 50-tab restore took (see docs/BENCHMARKS.md). Their storage namespaces stay
 * in the service as restored (persisted) until a tab wakes and reattaches its own.
 *
 * <p>Screen-free; FX thread only.
 */
final class DormantTabs {
    private final Map<TabModel, TabState> states = new HashMap<>();

    /** Makes {@code tabModel} show what {@code state} showed when it was saved, and keeps it dormant. */
    void add(TabModel tabModel, TabState state) {
        Objects.requireNonNull(state, "state");
        if (states.putIfAbsent(Objects.requireNonNull(tabModel, "tabModel"), state) != null) {
            throw new IllegalArgumentException("already dormant: " + tabModel);
        }
        String url = WindowRestore.isBlank(state) ? "" : state.current().url();
        tabModel.titleProperty().set(state.title());
        tabModel.urlProperty().set(url);
        tabModel.addressProperty().set(url);
        tabModel.faviconDataProperty().set(state.favicon());
        tabModel.faviconProperty().set(FaviconLoader.fromDataUrl(state.favicon()));
    }

    boolean contains(TabModel tabModel) {
        return states.containsKey(tabModel);
    }

    /** The saved state of a dormant tab, now at {@code position} in the strip; empty when it is not dormant. */
    Optional<TabState> stateOf(TabModel tabModel, int position) {
        return Optional.ofNullable(states.get(tabModel)).map(state -> state.withPosition(position));
    }

    /**
     * Wakes {@code tabModel} if it is dormant: {@code makePage} gives it its page with its namespace taken up
     * again, and the page gets the saved zoom and history (not loaded yet: {@link BrowserTab#loadIfDeferred()}).
     *
     * @return the woken tab; empty if it was not dormant
     */
    Optional<BrowserTab> wake(TabModel tabModel, Function<TabStart, BrowserTab> makePage) {
        return take(tabModel).map(state -> {
            String id = state.namespaceId();
            BrowserTab tab = makePage.apply(id.isEmpty() ? TabStart.FRESH : new TabStart.Reattach(id));
            tab.setZoom(state.zoom());
            if (!WindowRestore.isBlank(state)) {
                tab.restoreDeferred(state);
            }
            return tab;
        });
    }

    /** Takes {@code tabModel} out of the dormant ones: its saved state is the caller's (it is closing). */
    Optional<TabState> take(TabModel tabModel) {
        return Optional.ofNullable(states.remove(tabModel));
    }
}
