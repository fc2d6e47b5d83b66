package dev.stowage.session.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.storage.AreaSnapshot;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.StorageKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One namespace's storage as JSON: {@code {"id": ..., "areas": [{"key": StorageKey.serialize(), "items":
 * [key, value, key, value, ...]}]}}, items in their storage order. Partitions under an opaque top-level
 * site live only as long as their document and are left out (see {@link StorageKey#serialize()}).
 * Stateless and thread-safe; it runs on the saver's thread on immutable snapshots.
 */
final class NamespaceCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NamespaceCodec() {
    }

    static byte[] encode(NamespaceSnapshot snapshot) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", snapshot.namespaceId());
        ArrayNode areas = root.putArray("areas");
        for (Map.Entry<StorageKey, AreaSnapshot> area : snapshot.areas().entrySet()) {
            if (area.getKey().topLevelSite().isOpaque() || area.getValue().length() == 0) {
                continue;
            }
            ObjectNode node = areas.addObject();
            node.put("key", area.getKey().serialize());
            ArrayNode items = node.putArray("items");
            area.getValue().items().forEach((k, v) -> items.add(k).add(v));
        }
        return JSON.writeValueAsBytes(root);
    }

    /** @throws IOException if {@code bytes} are not a namespace as {@link #encode} writes it */
    static NamespaceSnapshot decode(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(Objects.requireNonNull(bytes, "bytes"));
        JsonNode id = root == null ? null : root.get("id");
        JsonNode areas = root == null ? null : root.get("areas");
        if (id == null || !id.isTextual() || areas == null || !areas.isArray()) {
            throw new IOException("not a saved namespace");
        }
        Map<StorageKey, Map<String, String>> contents = new LinkedHashMap<>();
        for (JsonNode area : areas) {
            JsonNode items = area.get("items");
            JsonNode key = area.get("key");
            if (key == null || !key.isTextual() || items == null || !items.isArray() || items.size() % 2 != 0) {
                throw new IOException("a saved area is malformed");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i += 2) {
                if (!items.get(i).isTextual() || !items.get(i + 1).isTextual()) {
                    throw new IOException("a saved item is not a string");
                }
                map.put(items.get(i).textValue(), items.get(i + 1).textValue());
            }
            try {
                contents.put(StorageKey.fromSerialized(key.textValue()), map);
            } catch (IllegalArgumentException e) {
                throw new IOException("a saved storage key is malformed: " + e.getMessage(), e);
            }
        }
        return NamespaceSnapshot.of(id.textValue(), contents);
    }
}
