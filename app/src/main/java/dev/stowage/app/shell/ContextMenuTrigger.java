package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Calls back when the user asks for a context menu on a node. Platforms differ: GTK and macOS send a
 * {@link ContextMenuEvent} on the right press, Windows after the release, and headless Monocle (the test
 * platform) never sends one. So a right release that was not preceded by a context-menu event counts too.
 * The callback gets the point in the node's local coordinates and on screen; it may be called twice for one
 * click on Windows, so it must be idempotent (show, not toggle). FX thread only.
 */
final class ContextMenuTrigger {
    /** Where the menu was asked for. */
    record Request(Point2D local, Point2D screen) {
    }

    private ContextMenuTrigger() {
    }

    static void install(Node node, Consumer<Request> onRequest) {
        Objects.requireNonNull(onRequest, "onRequest");
        boolean[] requestedSincePress = {false};
        node.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                requestedSincePress[0] = false;
            }
        });
        node.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            requestedSincePress[0] = true;
            e.consume();
            onRequest.accept(new Request(new Point2D(e.getX(), e.getY()), new Point2D(e.getScreenX(), e.getScreenY())));
        });
        node.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !requestedSincePress[0]) {
                onRequest.accept(new Request(new Point2D(e.getX(), e.getY()), new Point2D(e.getScreenX(), e.getScreenY())));
            }
        });
    }
}
