package dev.stowage.app.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tabs of one window: their order and which one is selected.
 *
 * <p>Owned and mutated on the JavaFX application thread only; needs no screen. Selection follows the
 * habits of Chrome and Firefox: a closed selected tab hands the selection to its right neighbour, or to
 * its left one when it was last; next/previous wrap around.
 */
public final class WindowModel {
    private final ObservableList<TabModel> tabs = FXCollections.observableArrayList();
    private final ObservableList<TabModel> readOnlyTabs = FXCollections.unmodifiableObservableList(tabs);
    private final ObjectProperty<TabModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final javafx.beans.property.BooleanProperty privateWindow =
            new javafx.beans.property.SimpleBooleanProperty(this, "privateWindow");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    // Background tabs opened from a tab since the selection last changed: the next one goes after them.
    private final Map<TabModel, List<TabModel>> backgroundChildren = new HashMap<>();

    public WindowModel() {
        // Chrome and Firefox forget the run of background tabs once the user moves to another tab.
        selected.addListener((obs, old, now) -> backgroundChildren.clear());
    }

    /** The open tabs, in strip order. Read-only: change it through this class. */
    public ObservableList<TabModel> tabs() {
        return readOnlyTabs;
    }

    /** Whether this is a private window (nothing of it is kept): its title and toolbar say so. */
    public javafx.beans.property.BooleanProperty privateWindowProperty() {
        return privateWindow;
    }

    /**
     * A problem the user must see because pages no longer behave as promised (for example: the shell's
     * sessionStorage could not be installed); empty when there is none. The window shows it in a bar.
     */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Shows {@code message} as the window's warning, replacing any earlier one; FX thread only. */
    public void warn(String message) {
        warning.set(Objects.requireNonNull(message, "message"));
    }

    /** The selected tab; null only when there is no tab. */
    public ReadOnlyObjectProperty<TabModel> selectedProperty() {
        return selected;
    }

    public TabModel selected() {
        return selected.get();
    }

    public int selectedIndex() {
        return tabs.indexOf(selected.get());
    }

    /** Inserts {@code tab} at {@code index} (clamped to the strip), selecting it if asked or if it is the only tab. */
    public void add(TabModel tab, int index, boolean select) {
        Objects.requireNonNull(tab, "tab");
        if (tabs.contains(tab)) {
            throw new IllegalArgumentException("already open: " + tab);
        }
        tabs.add(Math.max(0, Math.min(index, tabs.size())), tab);
        if (select || selected.get() == null) {
            selected.set(tab);
        }
    }

    /** Appends {@code tab} at the end of the strip. */
    public void add(TabModel tab, boolean select) {
        add(tab, tabs.size(), select);
    }

    /**
     * Removes {@code tab}; the selection moves as in Chrome and Firefox (the window keeps the closed-tab
     * list, {@code ClosedTabs}).
     *
     * @return false if the tab was not open
     */
    public boolean remove(TabModel tab) {
        int index = tabs.indexOf(tab);
        if (index < 0) {
            return false;
        }
        boolean wasSelected = tab == selected.get();
        backgroundChildren.remove(tab);
        backgroundChildren.values().forEach(children -> children.remove(tab));
        tabs.remove(index);
        if (wasSelected) {
            selected.set(tabs.isEmpty() ? null : tabs.get(Math.min(index, tabs.size() - 1)));
        }
        return true;
    }

    /**
     * Where a tab opened in the background from {@code opener} goes: right after the opener, after the
     * background tabs it opened since the selection last changed (Chrome's and Firefox's order).
     */
    public int backgroundInsertIndex(TabModel opener) {
        int index = tabs.indexOf(opener);
        if (index < 0) {
            return tabs.size();
        }
        int after = index + 1;
        for (TabModel child : backgroundChildren.getOrDefault(opener, List.of())) {
            after = Math.max(after, tabs.indexOf(child) + 1);
        }
        return after;
    }

    /** Records that {@code child} was opened in the background from {@code opener}; see {@link #backgroundInsertIndex}. */
    public void noteBackgroundChild(TabModel opener, TabModel child) {
        backgroundChildren.computeIfAbsent(Objects.requireNonNull(opener, "opener"), o -> new ArrayList<>())
                .add(Objects.requireNonNull(child, "child"));
    }

    public void select(TabModel tab) {
        if (!tabs.contains(tab)) {
            throw new IllegalArgumentException("not open: " + tab);
        }
        selected.set(tab);
    }

    /** Selects the tab at {@code index}; ignored when there is none (as Ctrl+7 with three tabs). */
    public void selectIndex(int index) {
        if (index >= 0 && index < tabs.size()) {
            selected.set(tabs.get(index));
        }
    }

    public void selectLast() {
        selectIndex(tabs.size() - 1);
    }

    /** Selects the tab {@code delta} places away, wrapping around the strip. */
    public void selectRelative(int delta) {
        if (tabs.isEmpty()) {
            return;
        }
        int size = tabs.size();
        selected.set(tabs.get(Math.floorMod(selectedIndex() + delta, size)));
    }

    /**
     * Moves {@code tab} to {@code index} (clamped), keeping the selection. Listeners see one permutation, not
     * a removal and an addition: no tab closed or opened.
     */
    public void move(TabModel tab, int index) {
        List<TabModel> order = new ArrayList<>(tabs);
        if (!order.remove(tab)) {
            throw new IllegalArgumentException("not open: " + tab);
        }
        order.add(Math.max(0, Math.min(index, order.size())), tab);
        Map<TabModel, Integer> place = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            place.put(order.get(i), i);
        }
        FXCollections.sort(tabs, java.util.Comparator.comparing(place::get));
    }

    /** Tabs after {@code tab} in strip order, for "Close tabs to the right". */
    public List<TabModel> tabsRightOf(TabModel tab) {
        int index = tabs.indexOf(tab);
        return index < 0 ? List.of() : List.copyOf(tabs.subList(index + 1, tabs.size()));
    }

    /** Every tab but {@code tab}, for "Close other tabs". */
    public List<TabModel> tabsOtherThan(TabModel tab) {
        return tabs.stream().filter(t -> t != tab).toList();
    }
}
