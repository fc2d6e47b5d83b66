package dev.stowage.app.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TreeItem;

/**
 * A value that is JSON (an object or an array), as a collapsible tree for the inspector's detail pane:
 * each node reads {@code name: value} for a scalar and {@code name {n}} or {@code name [n]} for a container.
 * Pure function of the text; any thread.
 */
final class JsonTree {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Past this many nodes the rest of a container is summarised, so a huge value cannot stall the pane. */
    private static final int MAX_NODES = 5_000;

    private JsonTree() {
    }

    /** The tree of {@code value}, or empty when it is not a JSON object or array. */
    static Optional<TreeItem<String>> of(String value) {
        String trimmed = value.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(trimmed);
            int[] budget = {MAX_NODES};
            TreeItem<String> item = node("(value)", root, budget);
            item.setExpanded(true);
            return Optional.of(item);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static TreeItem<String> node(String name, JsonNode node, int[] budget) {
        budget[0]--;
        if (node.isObject()) {
            TreeItem<String> item = new TreeItem<>(name + " {" + node.size() + "}");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                if (budget[0] <= 0) {
                    item.getChildren().add(new TreeItem<>("\u2026"));
                    break;
                }
                Map.Entry<String, JsonNode> field = fields.next();
                item.getChildren().add(node(field.getKey(), field.getValue(), budget));
            }
            return item;
        }
        if (node.isArray()) {
            TreeItem<String> item = new TreeItem<>(name + " [" + node.size() + "]");
            for (int i = 0; i < node.size(); i++) {
                if (budget[0] <= 0) {
                    item.getChildren().add(new TreeItem<>("\u2026"));
                    break;
                }
                item.getChildren().add(node(String.valueOf(i), node.get(i), budget));
            }
            return item;
        }
        return new TreeItem<>(name + ": " + node.toString());
    }
}
