package dev.stowage.app.inspect;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Lays the inspector's parts out for the dock's side. At the right the panel is narrow (a third of the
 * window or so): the bar's buttons and menus go on rows of their own, where one row cut their labels short,
 * and the origins, the keys and the value stack instead of standing side by side. FX thread.
 */
final class SideLayout {
    /** The bar's first two parts (the picker and the filter) stay on the bar. */
    private static final int KEPT_ON_THE_BAR = 2;

    private final VBox panel;
    private final HBox bar;
    private final SplitPane body;
    private final Button switcher;
    /** Docked at the right, the bar's buttons and menus, on a row (or rows) of their own under the filter. */
    private final FlowPane tools = new FlowPane(4, 4);

    /** @param switcher the button that moves the panel to the other side: its label names that side */
    SideLayout(VBox panel, HBox bar, SplitPane body, Button switcher) {
        this.panel = Objects.requireNonNull(panel, "panel");
        this.bar = Objects.requireNonNull(bar, "bar");
        this.body = Objects.requireNonNull(body, "body");
        this.switcher = Objects.requireNonNull(switcher, "switcher");
        tools.setId("inspector-tools");
    }

    /** Lays the parts out for {@code side}: {@link Side#RIGHT} or {@link Side#BOTTOM}. */
    void arrange(Side side) {
        boolean right = side == Side.RIGHT;
        switcher.setText(right ? "Dock bottom" : "Dock right");
        if (right && tools.getChildren().isEmpty()) {
            List<Node> moved = List.copyOf(bar.getChildren().subList(KEPT_ON_THE_BAR, bar.getChildren().size()));
            bar.getChildren().removeAll(moved);
            tools.getChildren().setAll(moved);
            panel.getChildren().add(1, tools);
        } else if (!right && !tools.getChildren().isEmpty()) {
            List<Node> moved = List.copyOf(tools.getChildren());
            tools.getChildren().clear();
            panel.getChildren().remove(tools);
            bar.getChildren().addAll(moved);
        }
        body.setOrientation(right ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        body.setDividerPositions(right ? new double[] {0.15, 0.65} : new double[] {0.2, 0.72});
    }
}
