package dev.stowage.app.inspect;

import dev.stowage.app.shell.PanelDock;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;

/** A docked panel of nothing: to tell the cost of docking from the inspector's, or to replace one. */
final class EmptyPanel implements PanelDock.Panel {
    private final Pane pane = new Pane();

    @Override
    public Parent node() {
        return pane;
    }

    @Override
    public void connect() {
    }
}
