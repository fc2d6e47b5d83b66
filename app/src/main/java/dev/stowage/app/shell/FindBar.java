package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Find in page (Ctrl+F), as Chrome's bar at the top right of the page: the match count ("3 of 12"), the
 * current match selected and scrolled into view, Enter / F3 for the next match and Shift+Enter / Shift+F3 for
 * the previous one, wrapping at either end; Esc closes the bar, leaves the current match selected and gives
 * the keyboard back to the page. A new tab selected closes it. FX thread only.
 */
final class FindBar extends HBox {
    private final TextField field = new TextField();
    private final Label count = new Label();
    private final Supplier<BrowserTab> selected;
    private PageFinder finder;

    /** @param selected the tab to search: the window's selected one (null when none) */
    FindBar(Supplier<BrowserTab> selected) {
        this.selected = Objects.requireNonNull(selected, "selected");
        setId("find-bar");
        getStyleClass().add("find-bar");
        setSpacing(4);
        setPadding(new Insets(4));
        setAlignment(Pos.CENTER_LEFT);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        StackPane.setMargin(this, new Insets(0, 16, 0, 0));
        field.setId("find-field");
        field.setPromptText("Find in page");
        field.setPrefColumnCount(18);
        count.setId("find-count");
        count.setMinWidth(60);
        Button previous = button("\u2191", "find-previous", "Previous match (Shift+Enter)", this::previous);
        Button next = button("\u2193", "find-next", "Next match (Enter)", this::next);
        Button close = button("\u00d7", "find-close", "Close (Esc)", this::close);
        getChildren().setAll(field, count, previous, next, close);
        field.textProperty().addListener((obs, old, text) -> search(true, true));
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                search(!e.isShiftDown(), false);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        setVisible(false);
        setManaged(false);
    }

    /** Shows the bar with the keyboard in its field, the text selected (Ctrl+F). */
    void open() {
        setVisible(true);
        setManaged(true);
        field.requestFocus();
        field.selectAll();
        if (!field.getText().isEmpty()) {
            search(true, false);
        }
    }

    /** The next match (Enter, F3); opens the bar first if it is closed. */
    void next() {
        step(true);
    }

    /** The previous match (Shift+Enter, Shift+F3). */
    void previous() {
        step(false);
    }

    /** Hides the bar, keeps the current match selected, and gives the keyboard back to the page (Esc). */
    void close() {
        if (!isVisible()) {
            return;
        }
        setVisible(false);
        setManaged(false);
        BrowserTab tab = selected.get();
        if (tab != null) {
            tab.webView().requestFocus();
        }
    }

    boolean isOpen() {
        return isVisible();
    }

    private void step(boolean forward) {
        if (!isVisible()) {
            open();
            return;
        }
        search(forward, false);
    }

    private void search(boolean forward, boolean fromTop) {
        BrowserTab tab = selected.get();
        String query = field.getText();
        if (tab != null && (finder == null || !finder.searches(tab.engine()))) {
            finder = new PageFinder(tab.engine());
            fromTop = true;
        }
        PageFinder.Result result = tab == null || query.isEmpty() ? PageFinder.Result.NONE
                : finder.find(query, forward, fromTop);
        count.setText(query.isEmpty() ? "" : result.current() + " of " + result.count());
        boolean none = !query.isEmpty() && result.count() == 0;
        if (none != field.getStyleClass().contains("no-match")) {
            if (none) {
                field.getStyleClass().add("no-match");
            } else {
                field.getStyleClass().remove("no-match");
            }
        }
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }
}
