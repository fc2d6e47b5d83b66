package dev.stowage.app.shell;

import dev.stowage.session.TabState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

/**
 * The row of tab headers and the "+" button. Each header shows favicon, label (title, else host) and a
 * close button, with the full title as tooltip; a click selects, a middle click closes, a right click opens
 * the tab menu, a drag moves the tab along the strip or off it ({@link TabDrag}). Pure view of a {@link WindowModel}: it adds and removes headers as the tab list changes and
 * sends every gesture to {@link TabActions}. FX thread only.
 */
final class TabStripView extends HBox {
    static final String HEADER_CLASS = "tab-header";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final WindowModel model;
    private final TabActions actions;
    private final Button newTabButton = new Button("+");
    private final Map<TabModel, HBox> headers = new HashMap<>();
    private final TabDrag drag;
    private final javafx.scene.layout.Region dropMark = new javafx.scene.layout.Region();
    /** How far above or below the strip a dragged tab still counts as on it (Chrome's is about 15 px). */
    static final double DETACH_MARGIN = 20;

    TabStripView(WindowModel model, TabActions actions) {
        this.model = Objects.requireNonNull(model, "model");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.drag = new TabDrag(this, actions);
        dropMark.getStyleClass().add("tab-drop-mark");
        dropMark.setManaged(false);
        dropMark.setMouseTransparent(true);
        getStyleClass().add("tab-strip");
        setSpacing(2);
        setAlignment(Pos.BOTTOM_LEFT);
        newTabButton.setId("new-tab-button");
        newTabButton.setFocusTraversable(false);
        newTabButton.setTooltip(new Tooltip("New tab"));
        newTabButton.setOnAction(e -> actions.newTab());
        model.tabs().addListener(this::tabsChanged);
        model.selectedProperty().addListener((obs, old, tab) -> {
            markSelected(headers.get(old), false);
            markSelected(headers.get(tab), true);
        });
        rebuild();
    }

    /**
     * A tab added puts in one header (a restore adds 50 tabs one by one: setting every header again each
     * time cost O(N^2)); anything else, a removal included, sets the row again (O(N) per tab a person
     * closes). Once, right after the strip's tests removed single headers, JavaFX's bounds bookkeeping threw
     * (IndexOutOfBoundsException in Parent.updateCachedBounds, a parent of three children); not reproduced
     * since, but setting the row is what the strip did for years without it.
     */
    private void tabsChanged(ListChangeListener.Change<? extends TabModel> change) {
        while (change.next()) {
            if (change.wasPermutated() || change.wasUpdated() || change.wasRemoved()) {
                rebuild();
                return;
            }
            int at = change.getFrom();
            for (TabModel added : change.getAddedSubList()) {
                HBox header = headers.computeIfAbsent(added, this::header);
                getChildren().remove(header);
                getChildren().add(at++, header);
                markSelected(header, added == model.selected());
            }
        }
    }

    private void rebuild() {
        // Reuse headers of tabs that stay: rebuilding all of them on every change made opening N tabs
        // cost O(N^2) nodes, which showed up as heap growth (RSS) in the 20-tab benchmark.
        headers.keySet().retainAll(model.tabs());
        List<Node> children = new ArrayList<>(model.tabs().size() + 1);
        for (TabModel tab : model.tabs()) {
            children.add(headers.computeIfAbsent(tab, this::header));
        }
        children.add(newTabButton);
        getChildren().setAll(children);
        updateSelection();
    }

    private void updateSelection() {
        getChildren().forEach(n -> markSelected(n, n.getUserData() != null && n.getUserData() == model.selected()));
    }

    private static void markSelected(Node header, boolean selected) {
        if (header != null) {
            header.pseudoClassStateChanged(SELECTED, selected);
        }
    }

    private HBox header(TabModel tab) {
        ImageView icon = new ImageView();
        icon.setFitWidth(16);
        icon.setFitHeight(16);
        icon.imageProperty().bind(tab.faviconProperty());
        icon.managedProperty().bind(tab.faviconProperty().isNotNull());
        icon.visibleProperty().bind(tab.faviconProperty().isNotNull());

        Label label = new Label();
        label.getStyleClass().add("tab-label");
        label.textProperty().bind(tab.labelBinding());
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinWidth(0);
        HBox.setHgrow(label, Priority.ALWAYS);

        // Not a Button: it is never focused, and a skinned control per tab adds to what showing 50 restored
        // tabs costs. A press on it does not select the tab, as in Chrome.
        StackPane close = new StackPane(new Text("\u00d7"));
        close.getStyleClass().add("tab-close");
        close.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        close.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                actions.close(tab);
            }
            e.consume();
        });

        HBox header = new HBox(4, icon, label, close);
        header.getStyleClass().add(HEADER_CLASS);
        header.setUserData(tab);
        header.setId("tab-" + tab.id());
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinWidth(48);
        header.setPrefWidth(200);
        header.setMaxWidth(220);
        HBox.setHgrow(header, Priority.SOMETIMES);

        // Made when the pointer first comes by: a Tooltip is a popup window, and making one per tab up
        // front was a good part of what restoring 50 tabs cost (measured, docs/BENCHMARKS.md).
        header.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                header.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tooltip = new Tooltip();
                tooltip.textProperty().bind(tab.labelBinding());
                Tooltip.install(header, tooltip);
            }
        });

        // Selecting on press, as browsers do, so a drag or a slow click still picks the tab.
        header.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                actions.select(tab);
            }
        });
        header.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.MIDDLE) {
                actions.close(tab);
                e.consume();
            }
        });
        drag.install(header, tab);
        ContextMenu[] showing = new ContextMenu[1];
        ContextMenuTrigger.install(header, request -> {
            if (showing[0] != null) {
                showing[0].hide();
            }
            showing[0] = contextMenu(tab);
            showing[0].show(header, request.screen().getX(), request.screen().getY());
        });
        return header;
    }

    /** Whether the screen point is on the strip, or close enough above or below it to drop a tab there. */
    boolean holds(double screenX, double screenY) {
        javafx.geometry.Bounds bounds = localToScreen(getLayoutBounds());
        return bounds != null && screenX >= bounds.getMinX() && screenX < bounds.getMaxX()
                && screenY >= bounds.getMinY() - DETACH_MARGIN && screenY < bounds.getMaxY() + DETACH_MARGIN;
    }

    /** The place of {@code tab} in the strip, or -1. */
    int indexOf(TabModel tab) {
        return model.tabs().indexOf(tab);
    }

    /** Where {@code tab} goes when dragged to {@code screenX}: the number of other tabs whose middle is left of it. */
    int indexAmongOthers(TabModel tab, double screenX) {
        int index = 0;
        for (TabModel other : model.tabs()) {
            HBox header = headers.get(other);
            if (other != tab && header != null && middleOf(header) < screenX) {
                index++;
            }
        }
        return index;
    }

    /** Where a tab from another window let go at the screen point goes in this strip; empty when not on it. */
    java.util.OptionalInt dropIndexAt(double screenX, double screenY) {
        return holds(screenX, screenY) ? java.util.OptionalInt.of(indexAmongOthers(null, screenX))
                : java.util.OptionalInt.empty();
    }

    /**
     * Shows a mark where a tab from another window would go ({@code index} among the headers), or takes it
     * away (empty). Unmanaged: marking never moves the headers.
     */
    void markDrop(java.util.OptionalInt index) {
        if (index.isEmpty()) {
            getChildren().remove(dropMark);
            return;
        }
        List<HBox> shown = new ArrayList<>();
        model.tabs().forEach(tab -> shown.add(headers.get(tab)));
        double x = shown.isEmpty() ? getPadding().getLeft()
                : index.getAsInt() < shown.size() ? shown.get(index.getAsInt()).getLayoutX() - 2
                : shown.get(shown.size() - 1).getBoundsInParent().getMaxX() + 1;
        if (!getChildren().contains(dropMark)) {
            getChildren().add(dropMark);
        }
        dropMark.resizeRelocate(x - 1, getPadding().getTop(), 3, Math.max(0, getHeight() - getPadding().getTop()));
    }

    private static double middleOf(Node header) {
        javafx.geometry.Bounds bounds = header.localToScreen(header.getLayoutBounds());
        return bounds == null ? Double.MAX_VALUE : bounds.getCenterX();
    }

    private ContextMenu contextMenu(TabModel tab) {
        MenuItem newTab = item("New tab", "menu-new-tab", actions::newTab);
        MenuItem reload = item("Reload", "menu-reload", () -> actions.reload(tab));
        MenuItem duplicate = item("Duplicate", "menu-duplicate", () -> actions.duplicate(tab));
        MenuItem move = item("Move to new window", "menu-move-window", () -> actions.moveToNewWindow(tab));
        move.setDisable(model.tabs().size() < 2);
        MenuItem close = item("Close", "menu-close", () -> actions.close(tab));
        MenuItem closeOthers = item("Close other tabs", "menu-close-others", () -> actions.closeOthers(tab));
        closeOthers.setDisable(model.tabs().size() < 2);
        MenuItem closeRight = item("Close tabs to the right", "menu-close-right", () -> actions.closeRightOf(tab));
        closeRight.setDisable(model.tabsRightOf(tab).isEmpty());
        MenuItem reopen = item("Reopen closed tab", "menu-reopen", actions::reopenClosed);
        reopen.setDisable(!actions.canReopenClosed());
        ContextMenu menu = new ContextMenu(newTab, new SeparatorMenuItem(), reload, duplicate, move,
                new SeparatorMenuItem(), close, closeOthers, closeRight, new SeparatorMenuItem(), reopen,
                recentlyClosedMenu());
        menu.setId("tab-context-menu");
        return menu;
    }

    /** "Recently closed": every entry by title and host, rebuilt each time it opens, so it is never stale. */
    private Menu recentlyClosedMenu() {
        Menu menu = new Menu("Recently closed");
        menu.setId("menu-recently-closed");
        Runnable fill = () -> {
            List<TabState> closed = actions.recentlyClosed();
            List<MenuItem> items = new ArrayList<>();
            for (int i = 0; i < closed.size(); i++) {
                TabState entry = closed.get(i);
                items.add(item(closedLabel(entry), "menu-closed-" + i, () -> actions.reopenClosed(entry)));
            }
            menu.getItems().setAll(items);
        };
        fill.run();
        menu.setDisable(menu.getItems().isEmpty());
        menu.setOnShowing(e -> fill.run());
        return menu;
    }

    /** An entry as the menu lists it: its title, and its host (or the label rules of a tab without one). */
    static String closedLabel(TabState entry) {
        String url = entry.current().url();
        String label = TabModel.labelFor(entry.title(), url);
        String host = TabModel.labelFor("", url);
        return label.equals(host) ? label : label + " \u2014 " + host;
    }

    static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
