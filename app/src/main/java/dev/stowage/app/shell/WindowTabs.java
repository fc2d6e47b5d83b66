package dev.stowage.app.shell;

import dev.stowage.session.TabState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.layout.StackPane;

/**
 * The tabs behind a window's {@link WindowModel}: each {@link TabModel} is either live (a
 * {@link BrowserTab} with its page) or dormant (a restored tab with no page yet, {@link DormantTabs}), and
 * the page area shows the selected one's page. Every tab comes in through {@link #open} or
 * {@link #openDormant} and goes out through {@link #takeOut}, which is how closing and moving a tab to
 * another window leave the same state behind. FX thread only.
 */
final class WindowTabs {
    private final WindowModel model;
    private final Map<TabModel, BrowserTab> live = new HashMap<>();
    private final DormantTabs dormant = new DormantTabs();
    private final TabFactory pages;
    private final TabEngineInitializer initializer;
    private final StackPane pageArea;

    WindowTabs(WindowModel model, TabFactory pages, TabEngineInitializer initializer, StackPane pageArea) {
        this.model = Objects.requireNonNull(model, "model");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.pageArea = Objects.requireNonNull(pageArea, "pageArea");
    }

    /** The live tab behind {@code tabModel}; null once it left, or while it is dormant. */
    BrowserTab live(TabModel tabModel) {
        return live.get(tabModel);
    }

    /** The live tabs, in no particular order. */
    List<BrowserTab> allLive() {
        return new ArrayList<>(live.values());
    }

    /** Whether {@code tabModel} is one of this window's tabs, live or dormant. */
    boolean contains(TabModel tabModel) {
        return live.containsKey(tabModel) || dormant.contains(tabModel);
    }

    /** The id of {@code tabModel}'s storage namespace, live or dormant; empty when it has none. */
    Optional<String> namespaceIdOf(TabModel tabModel) {
        BrowserTab tab = live.get(tabModel);
        if (tab != null) {
            return initializer.namespaceOf(tab);
        }
        return dormant.stateOf(tabModel, 0).map(TabState::namespaceId).filter(id -> !id.isEmpty());
    }

    /** Every tab's state in strip order: a live one's as it is now, a dormant one's as saved. */
    List<TabState> states() {
        return WindowRestore.statesOf(model.tabs(), live::get, tab -> initializer.namespaceOf(tab).orElse(""), dormant);
    }

    /** Makes a live tab as {@code opening} says and puts it in the strip, loading its URL if it has one. */
    BrowserTab open(TabOpening opening) {
        TabModel tabModel = new TabModel(TabFactory.newTabId());
        BrowserTab tab = pages.make(tabModel, opening);
        live.put(tabModel, tab);
        model.add(tabModel, opening.index(), opening.select());
        if (opening.url() != null) {
            tab.load(opening.url());
        }
        return tab;
    }

    /** Puts a dormant tab showing {@code saved} at {@code index}; its namespace, if any, must be restored. */
    void openDormant(TabState saved, int index) {
        TabModel tabModel = new TabModel(TabFactory.newTabId());
        dormant.add(tabModel, saved);
        model.add(tabModel, index, false);
    }

    /** The tab behind {@code tabModel}, woken (given its page, not loaded yet) if it was dormant; or null. */
    BrowserTab awake(TabModel tabModel) {
        BrowserTab tab = live.get(tabModel);
        return tab != null ? tab : dormant.wake(tabModel, start -> {
            BrowserTab woken = pages.make(tabModel, new TabOpening(null, 0, false, null, start, null, false, false));
            live.put(tabModel, woken);
            return woken;
        }).orElse(null);
    }

    /**
     * Takes {@code tabModel} out of the window, as a close or a move to another window does: its state is
     * the tab at its place in the strip with its history, and its namespace kept past the unload (a dormant
     * tab's stays as restored). {@code taken} gets it at
     * once; then the page unloads ({@code pagehide} writes included), and {@code unloaded} gets it too (at
     * once for a dormant tab, which has no page).
     */
    void takeOut(TabModel tabModel, Consumer<TabState> taken, Consumer<TabState> unloaded) {
        int position = model.tabs().indexOf(tabModel);
        Optional<TabState> sleeping = dormant.take(tabModel);
        if (sleeping.isPresent()) {
            TabState state = sleeping.get().withPosition(position);
            model.remove(tabModel);
            taken.accept(state);
            unloaded.accept(state);
            return;
        }
        BrowserTab tab = Objects.requireNonNull(live.remove(tabModel), "not a tab of this window");
        tab.recordScroll();
        // Kept even for a tab that showed nothing: moved, it keeps a copy it was opened with; closed, the
        // closed-tab list lets a blank entry's namespace go (ClosedTabs.remember).
        TabState state = WindowRestore.stateOf(tab, position, initializer.keepForReopen(tab).orElse(""));
        model.remove(tabModel);
        pageArea.getChildren().remove(tab.webView());
        taken.accept(state);
        tab.unload(() -> unloaded.accept(state));
    }

    /** Shows {@code tabModel}'s page in the page area; nothing for none or a dormant tab. */
    void show(TabModel tabModel) {
        BrowserTab tab = live.get(tabModel);
        if (tab == null) {
            pageArea.getChildren().clear();
        } else {
            pageArea.getChildren().setAll(tab.webView());
        }
    }
}
