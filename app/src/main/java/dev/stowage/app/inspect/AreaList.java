package dev.stowage.app.inspect;

import dev.stowage.app.shell.Bytes;
import dev.stowage.storage.StorageKey;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The origins of the inspected namespace, each with a bar of its bytes in use against its quota; clicking
 * one chooses it. A namespace holds a handful of origins, so they are plain nodes in a scroll pane rather
 * than a virtualised list (a {@link javafx.scene.control.ListView}'s first styling cost more than the frame the
 * inspector opens within). FX thread once shown.
 */
final class AreaList extends ScrollPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final VBox rows = new VBox();
    private final Consumer<StorageKey> chosen;
    private List<Inspector.AreaUsage> usages = List.of();
    private StorageKey selected;

    /** @param chosen told the origin a click chose */
    AreaList(Consumer<StorageKey> chosen) {
        this.chosen = Objects.requireNonNull(chosen, "chosen");
        getStyleClass().add("area-list");
        rows.getStyleClass().add("area-list-rows");
        setContent(rows);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    /** Shows {@code now}, marking {@code selectedKey}'s row. */
    void show(List<Inspector.AreaUsage> now, StorageKey selectedKey) {
        selected = selectedKey;
        if (!now.equals(usages)) {
            usages = List.copyOf(now);
            rows.getChildren().setAll(usages.stream().map(this::row).toList());
        }
        for (var node : rows.getChildren()) {
            node.pseudoClassStateChanged(SELECTED, Objects.equals(node.getUserData(), selected));
        }
    }

    private Region row(Inspector.AreaUsage usage) {
        Text origin = new Text(usage.label());
        origin.getStyleClass().add("area-list-origin");
        Region fill = new Region();
        fill.getStyleClass().add("area-list-fill");
        javafx.scene.layout.Pane track = new javafx.scene.layout.Pane() {
            @Override
            protected void layoutChildren() {
                double share = usage.quota() == 0 ? 1 : Math.min(1, (double) usage.bytes() / usage.quota());
                fill.resizeRelocate(0, 0, Math.max(2, getWidth() * share), getHeight());
            }
        };
        track.getStyleClass().add("area-list-track");
        track.getChildren().add(fill);
        Text use = new Text(Bytes.of(usage.bytes()) + " of " + Bytes.of(usage.quota()));
        use.getStyleClass().add("area-list-use");
        VBox row = new VBox(2, origin, track, use);
        row.getStyleClass().add("area-list-row");
        row.setUserData(usage.key());
        row.setAccessibleRole(AccessibleRole.BUTTON);
        row.setAccessibleText(usage.label() + ", " + use.getText());
        row.setOnMouseClicked(e -> chosen.accept(usage.key()));
        return row;
    }
}
