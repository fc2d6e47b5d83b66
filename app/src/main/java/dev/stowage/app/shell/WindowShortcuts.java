package dev.stowage.app.shell;

import static dev.stowage.app.shell.Shortcuts.alt;
import static dev.stowage.app.shell.Shortcuts.ctrl;
import static dev.stowage.app.shell.Shortcuts.ctrlShift;
import static dev.stowage.app.shell.Shortcuts.key;
import static dev.stowage.app.shell.Shortcuts.shift;

import javafx.scene.input.KeyCode;

/** The keys of a {@link BrowserWindow}, as Chrome and Firefox bind them. FX thread only. */
final class WindowShortcuts {
    private WindowShortcuts() {
    }

    static Shortcuts of(BrowserWindow window, NavigationBar navigation, ZoomKeeper zoom, FindBar find) {
        WindowModel model = window.model();
        Shortcuts s = new Shortcuts()
                .on(ctrl(KeyCode.T), window::newTab)
                .on(ctrl(KeyCode.N), window::openNewWindow)
                .on(ctrlShift(KeyCode.N), window::openPrivateWindow)
                .on(ctrl(KeyCode.W), () -> closeSelected(window))
                .on(ctrl(KeyCode.F4), () -> closeSelected(window))
                .on(ctrlShift(KeyCode.T), () -> window.services().closedWindows().reopenLast(window))
                .on(ctrlShift(KeyCode.Q), window::quit)
                .on(key(KeyCode.F12), window.dock()::toggle)
                .on(ctrlShift(KeyCode.DELETE), window.services()::openClearBrowsingData)
                .on(ctrlShift(KeyCode.I), window.dock()::toggle)
                .on(ctrl(KeyCode.L), navigation::focusAddress)
                .on(alt(KeyCode.D), navigation::focusAddress)
                .on(key(KeyCode.F6), navigation::focusAddress)
                .on(ctrl(KeyCode.TAB), () -> model.selectRelative(1))
                .on(ctrl(KeyCode.PAGE_DOWN), () -> model.selectRelative(1))
                .on(ctrlShift(KeyCode.TAB), () -> model.selectRelative(-1))
                .on(ctrl(KeyCode.PAGE_UP), () -> model.selectRelative(-1))
                .on(ctrlShift(KeyCode.PAGE_DOWN), () -> moveSelected(window, 1)) // Chrome's and Firefox's keys
                .on(ctrlShift(KeyCode.PAGE_UP), () -> moveSelected(window, -1))
                .on(ctrl(KeyCode.DIGIT9), model::selectLast)
                .on(ctrl(KeyCode.R), () -> window.withSelected(BrowserTab::reload))
                .on(key(KeyCode.F5), () -> window.withSelected(BrowserTab::reload))
                .onIf(key(KeyCode.ESCAPE), () -> stopIfLoading(window))
                .on(ctrl(KeyCode.J), window.services()::showDownloads)
                .on(alt(KeyCode.LEFT), () -> window.withSelected(BrowserTab::back))
                .on(alt(KeyCode.RIGHT), () -> window.withSelected(BrowserTab::forward))
                .on(ctrlShift(KeyCode.K), () -> {
                    if (model.selected() != null) {
                        window.duplicate(model.selected());
                    }
                });
        s.on(ctrl(KeyCode.F), find::open).on(key(KeyCode.F3), find::next).on(shift(KeyCode.F3), find::previous);
        // Ctrl+plus is Ctrl+= on most layouts, with or without Shift, or the keypad's +.
        for (KeyCode in : new KeyCode[] {KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD}) {
            s.on(ctrl(in), zoom::zoomIn).on(ctrlShift(in), zoom::zoomIn);
        }
        s.on(ctrl(KeyCode.MINUS), zoom::zoomOut).on(ctrl(KeyCode.SUBTRACT), zoom::zoomOut)
                .on(ctrl(KeyCode.DIGIT0), zoom::reset).on(ctrl(KeyCode.NUMPAD0), zoom::reset);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
                KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            s.on(ctrl(digits[i]), () -> model.selectIndex(index));
        }
        return s;
    }

    /** Moves the selected tab {@code delta} places along the strip, stopping at its ends as Chrome does. */
    private static void moveSelected(BrowserWindow window, int delta) {
        WindowModel model = window.model();
        if (model.selected() != null) {
            window.moveTab(model.selected(), Math.max(0, model.selectedIndex() + delta));
        }
    }

    private static void closeSelected(BrowserWindow window) {
        if (window.model().selected() != null) {
            window.close(window.model().selected());
        }
    }

    /** Esc stops a loading page; otherwise it belongs to the page (closing its dialogs) or the focused control. */
    private static boolean stopIfLoading(BrowserWindow window) {
        TabModel selected = window.model().selected();
        if (selected == null || !selected.loadingProperty().get()) {
            return false;
        }
        window.withSelected(BrowserTab::stop);
        return true;
    }
}
