package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Back, forward, the reload/stop button and the address bar, with the inline message shown when the typed
 * text is not an address. Shows whichever tab the {@link WindowModel} selects. Typed text goes through
 * {@link AddressResolver}; a resolved URL is handed to {@code navigate(typed, url)}. FX thread only.
 */
final class NavigationBar extends VBox {
    private final WindowModel model;
    private final AddressResolver resolver = new AddressResolver();
    private final Button back = new Button("\u2190");
    private final Button forward = new Button("\u2192");
    private final Button reloadStop = new Button();
    private final TextField address = new TextField();
    private final Label addressError = new Label();
    private final Button zoom = new Button();
    private final HBox row;
    private final ChangeListener<Object> refresh = (obs, old, now) -> refresh();
    private TabModel shown;

    NavigationBar(WindowModel model, Runnable onBack, Runnable onForward, Runnable onReload, Runnable onStop,
                  BiConsumer<String, String> navigate, java.util.function.Consumer<String> clearSite) {
        this.model = Objects.requireNonNull(model, "model");
        Objects.requireNonNull(navigate, "navigate");
        back.setId("back-button");
        forward.setId("forward-button");
        reloadStop.setId("reload-button");
        address.setId("address-bar");
        addressError.setId("address-error");
        back.setTooltip(new Tooltip("Back (Alt+Left)"));
        forward.setTooltip(new Tooltip("Forward (Alt+Right)"));
        for (Button b : new Button[] {back, forward, reloadStop}) {
            b.setFocusTraversable(false);
            b.setMinWidth(32);
        }
        back.setOnAction(e -> onBack.run());
        forward.setOnAction(e -> onForward.run());
        reloadStop.setOnAction(e -> {
            if (shown != null && shown.loadingProperty().get()) {
                onStop.run();
            } else {
                onReload.run();
            }
        });
        address.setPromptText("Type a web address");
        address.setOnAction(e -> {
            String typed = address.getText();
            var result = resolver.resolve(typed);
            if (result.isOk()) {
                showError(null);
                navigate.accept(typed.strip(), result.url());
            } else {
                showError(result.error());
            }
        });
        address.textProperty().addListener((obs, old, text) -> showError(null));
        addressError.getStyleClass().add("address-error");
        addressError.setStyle("-fx-text-fill: #b00020; -fx-padding: 0 0 2 8;");
        showError(null);

        HBox.setHgrow(address, Priority.ALWAYS);
        // The site menu, as at the left of Chrome's and Firefox's address bars.
        javafx.scene.control.MenuItem clear = new javafx.scene.control.MenuItem("Clear sessionStorage for this site");
        clear.setId("site-clear-storage");
        clear.setOnAction(e -> clearSite.accept(shown == null ? "" : shown.urlProperty().get()));
        javafx.scene.control.MenuButton site = new javafx.scene.control.MenuButton("Site", null, clear);
        site.setId("site-button");
        site.setFocusTraversable(false);
        site.setOnShowing(e -> clear.setDisable(shown == null || !SiteDataHandler.clearable(shown.urlProperty().get())));
        zoom.setId("zoom-indicator");
        zoom.setFocusTraversable(false);
        zoom.setTooltip(new Tooltip("Zoom; click for 100% (Ctrl+0)"));
        row = new HBox(4, back, forward, reloadStop, site, address, zoom);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4));
        getChildren().addAll(row, addressError);
        model.selectedProperty().addListener((obs, old, tab) -> show(tab));
        show(model.selected());
    }

    /** Puts {@code node} at the right end of the toolbar (the main menu). */
    void addAtEnd(javafx.scene.Node node) {
        row.getChildren().add(Objects.requireNonNull(node, "node"));
    }

    /** Puts {@code node} just before the toolbar's last item (the downloads button, left of the menu). */
    void addBeforeEnd(javafx.scene.Node node) {
        row.getChildren().add(Math.max(0, row.getChildren().size() - 1), Objects.requireNonNull(node, "node"));
    }

    /** What the zoom shown in the address bar does when clicked: back to 100%. */
    void showZoom(Runnable reset) {
        Objects.requireNonNull(reset, "reset");
        zoom.setOnAction(e -> reset.run());
    }

    TextField addressField() {
        return address;
    }

    /** Focuses the address bar and selects its text, as Ctrl+L does. */
    void focusAddress() {
        address.requestFocus();
        address.selectAll();
    }

    private void show(TabModel tab) {
        if (shown != null) {
            shown.addressProperty().removeListener(refresh);
            shown.loadingProperty().removeListener(refresh);
            shown.canGoBackProperty().removeListener(refresh);
            shown.canGoForwardProperty().removeListener(refresh);
            shown.zoomProperty().removeListener(refresh);
        }
        shown = tab;
        showError(null);
        if (tab != null) {
            tab.addressProperty().addListener(refresh);
            tab.loadingProperty().addListener(refresh);
            tab.canGoBackProperty().addListener(refresh);
            tab.canGoForwardProperty().addListener(refresh);
            tab.zoomProperty().addListener(refresh);
        }
        address.setText(tab == null ? "" : tab.addressProperty().get());
        refresh();
    }

    private void refresh() {
        boolean loading = shown != null && shown.loadingProperty().get();
        reloadStop.setText(loading ? "\u2715" : "\u27f3");
        reloadStop.setTooltip(new Tooltip(loading ? "Stop (Esc)" : "Reload (Ctrl+R)"));
        reloadStop.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("loading"), loading);
        back.setDisable(shown == null || !shown.canGoBackProperty().get());
        forward.setDisable(shown == null || !shown.canGoForwardProperty().get());
        double factor = shown == null ? 1 : shown.zoomProperty().get();
        zoom.setText(ZoomSteps.percent(factor));
        zoom.setVisible(!ZoomSteps.isDefault(factor));
        zoom.setManaged(zoom.isVisible());
        String text = shown == null ? "" : shown.addressProperty().get();
        // Never overwrite what the user is typing with the page's own navigations.
        if (!address.isFocused()) {
            address.setText(text);
        }
    }

    private void showError(String message) {
        addressError.setText(message == null ? "" : message);
        addressError.setVisible(message != null);
        addressError.setManaged(message != null);
    }
}
