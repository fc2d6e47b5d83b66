package dev.stowage.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts, matched at Scene level in an event <em>filter</em> so they work
 * whichever node has focus: WebView consumes key presses for the page (Ctrl+Tab included) and a
 * TextField consumes Ctrl+... editing keys, so a handler would never see them. "Ctrl" means the platform
 * shortcut key (Cmd on macOS). A matched key press is consumed. FX thread only.
 */
final class Shortcuts {
    private final Map<KeyCombination, BooleanSupplier> bindings = new LinkedHashMap<>();

    /** Binds {@code combination} to {@code action}, which is always consumed. */
    Shortcuts on(KeyCombination combination, Runnable action) {
        Objects.requireNonNull(action, "action");
        return onIf(combination, () -> {
            action.run();
            return true;
        });
    }

    /** Binds {@code combination} to {@code action}, which says whether it acted (and so consumes the key). */
    Shortcuts onIf(KeyCombination combination, BooleanSupplier action) {
        bindings.put(Objects.requireNonNull(combination, "combination"), Objects.requireNonNull(action, "action"));
        return this;
    }

    static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    static KeyCombination ctrlShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    static KeyCombination alt(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.ALT_DOWN);
    }

    static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            for (var binding : bindings.entrySet()) {
                if (binding.getKey().match(event)) {
                    if (binding.getValue().getAsBoolean()) {
                        event.consume();
                    }
                    return;
                }
            }
        });
    }
}
