package dev.stowage.app.shell;

import dev.stowage.session.TabState;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/**
 * The window's main menu, at the right of the toolbar (Alt+F, as Chrome's): every item names its shortcut,
 * and the keyboard reaches every item (arrows, Enter, Esc). It lists what the window can do; an item comes
 * when its feature does. FX thread only.
 */
final class MainMenu {
    /** What the menu's items do: the window's own actions. */
    interface Actions {
        void newTab();

        void newWindow();

        void newPrivateWindow();

        void zoomIn();

        void zoomOut();

        void resetZoom();

        /** The selected page's zoom factor. */
        double zoom();

        List<TabState> recentlyClosed();

        void reopen(TabState closed);

        /** The closed windows' names, most recent first. */
        List<String> closedWindows();

        void reopenWindow(int index);

        void toggleInspector();

        void showDownloads();

        void clearBrowsingData();

        void about();

        void quit();
    }

    private final MenuButton button = new MenuButton("\u2630");
    private final Actions actions;
    private final Menu history = new Menu("History");
    private final MenuItem resetZoom;

    MainMenu(Actions actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
        button.setId("main-menu");
        button.setAccessibleText("Main menu");
        button.setFocusTraversable(false);
        history.setId("menu-history");
        history.setText("Recently closed");
        resetZoom = item("Actual size", "menu-zoom-reset", Shortcuts.ctrl(KeyCode.DIGIT0), actions::resetZoom);
        button.getItems().setAll(
                item("New tab", "menu-new-tab", Shortcuts.ctrl(KeyCode.T), actions::newTab),
                item("New window", "menu-new-window", Shortcuts.ctrl(KeyCode.N), actions::newWindow),
                item("New private window", "menu-new-private-window", Shortcuts.ctrlShift(KeyCode.N), actions::newPrivateWindow),
                new SeparatorMenuItem(),
                history,
                new SeparatorMenuItem(),
                item("Zoom in", "menu-zoom-in", Shortcuts.ctrl(KeyCode.EQUALS), actions::zoomIn),
                item("Zoom out", "menu-zoom-out", Shortcuts.ctrl(KeyCode.MINUS), actions::zoomOut),
                resetZoom,
                new SeparatorMenuItem(),
                item("Downloads", "menu-downloads", Shortcuts.ctrl(KeyCode.J), actions::showDownloads),
                item("Storage inspector", "menu-inspector", Shortcuts.key(KeyCode.F12), actions::toggleInspector),
                item("Clear browsing data\u2026", "menu-clear-data", Shortcuts.ctrlShift(KeyCode.DELETE), actions::clearBrowsingData),
                new SeparatorMenuItem(),
                item("About Stowage", "menu-about", null, actions::about),
                item("Quit", "menu-quit", Shortcuts.ctrlShift(KeyCode.Q), actions::quit));
        button.setOnShowing(e -> refresh());
        // Right-aligned under the button, as Chrome's, so that it stays inside the window: the menu
        // button opens its popup at its left edge, and the popup's width is known once shown.
        button.setOnShown(e -> popup().ifPresent(popup -> {
            Bounds at = button.localToScreen(button.getBoundsInLocal());
            popup.setX(at.getMaxX() - popup.getWidth());
        }));
        refresh();
    }

    /** The menu of {@code window}, whose zoom items act through {@code zoom}. */
    static MainMenu of(BrowserWindow window, ZoomKeeper zoom, javafx.beans.property.ObjectProperty<ClonePolicy> clonePolicy) {
        MainMenu menu = new MainMenu(new Actions() {
            @Override
            public void newTab() {
                window.newTab();
            }

            @Override
            public void newWindow() {
                window.openNewWindow();
            }

            @Override
            public void newPrivateWindow() {
                window.openPrivateWindow();
            }

            @Override
            public void zoomIn() {
                zoom.zoomIn();
            }

            @Override
            public void zoomOut() {
                zoom.zoomOut();
            }

            @Override
            public void resetZoom() {
                zoom.reset();
            }

            @Override
            public double zoom() {
                TabModel selected = window.model().selected();
                return selected == null ? 1 : selected.zoomProperty().get();
            }

            @Override
            public List<TabState> recentlyClosed() {
                return window.recentlyClosed();
            }

            @Override
            public void reopen(TabState closed) {
                window.reopenClosed(closed);
            }

            @Override
            public List<String> closedWindows() {
                return window.services().closedWindows().titles();
            }

            @Override
            public void reopenWindow(int index) {
                window.services().closedWindows().reopen(index);
            }

            @Override
            public void toggleInspector() {
                window.dock().toggle();
            }

            @Override
            public void showDownloads() {
                window.services().showDownloads();
            }

            @Override
            public void clearBrowsingData() {
                window.services().openClearBrowsingData();
            }

            @Override
            public void about() {
                About.show(window.stage());
            }

            @Override
            public void quit() {
                window.quit();
            }
        });
        menu.addClonePolicy(clonePolicy);
        return menu;
    }

    /**
     * The Clone policy submenu: the three policies as radio items, bound both ways to the run's setting
     * (which the app saves in the profile).
     */
    private void addClonePolicy(javafx.beans.property.ObjectProperty<ClonePolicy> clonePolicy) {
        Menu choices = new Menu("Clone policy");
        choices.setId("menu-clone-policy");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        String[][] labels = {{"LINKS", "Links and popups copy sessionStorage"},
                {"STANDARD", "Only what the HTML Standard copies"}, {"NEVER", "Never copy sessionStorage"}};
        for (String[] label : labels) {
            ClonePolicy policy = ClonePolicy.valueOf(label[0]);
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(label[1]);
            item.setId("menu-clone-" + label[0].toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setUserData(policy);
            item.setSelected(clonePolicy.get() == policy);
            choices.getItems().add(item);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                clonePolicy.set((ClonePolicy) now.getUserData());
            }
        });
        // The run's policy outlives this window: it holds the menu only weakly.
        javafx.beans.value.ChangeListener<ClonePolicy> follow = (obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true));
        button.getProperties().put(ClonePolicy.class, follow);
        clonePolicy.addListener(new javafx.beans.value.WeakChangeListener<>(follow));
        int at = button.getItems().indexOf(button.getItems().stream()
                .filter(i -> "menu-clear-data".equals(i.getId())).findFirst().orElseThrow());
        button.getItems().add(at, choices);
    }

    MenuButton node() {
        return button;
    }

    /** Opens the menu under its button (Alt+F); the arrow keys then move through it. */
    void open() {
        if (!button.isShowing()) {
            button.show();
        }
    }

    /** The menu button's own popup, while it shows. */
    private java.util.Optional<ContextMenu> popup() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu menu && menu.getOwnerNode() == button)
                .map(ContextMenu.class::cast).findFirst();
    }

    private void refresh() {
        resetZoom.setText("Actual size (now " + ZoomSteps.percent(actions.zoom()) + ")");
        List<TabState> closed = actions.recentlyClosed();
        history.getItems().clear();
        if (closed.isEmpty() && actions.closedWindows().isEmpty()) {
            MenuItem none = new MenuItem("Nothing recently closed");
            none.setDisable(true);
            history.getItems().add(none);
        }
        for (int i = 0; i < closed.size(); i++) {
            TabState tab = closed.get(i);
            MenuItem reopen = item(TabModel.labelFor(tab.title(), tab.current().url()), "menu-closed-" + i,
                    i == 0 ? Shortcuts.ctrlShift(KeyCode.T) : null, () -> actions.reopen(tab));
            history.getItems().add(reopen);
        }
        List<String> windows = actions.closedWindows();
        if (!windows.isEmpty()) {
            history.getItems().add(new SeparatorMenuItem());
        }
        for (int i = 0; i < windows.size(); i++) {
            int index = i;
            history.getItems().add(item(windows.get(i), "menu-closed-window-" + i, null, () -> actions.reopenWindow(index)));
        }
    }

    /**
     * An item showing {@code shortcut} beside its name. The shortcut itself is the window's
     * ({@link WindowShortcuts}), which takes the key first; the accelerator here only shows it.
     */
    private static MenuItem item(String text, String id, KeyCombination shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        return item;
    }
}
