package dev.stowage.session.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.storage.AreaSnapshot;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.StorageKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encode(snapshot, bytes);
        return bytes.toByteArray();
    }

    /**
     * Writes {@code snapshot} to {@code out} token by token: a save of many tabs writes megabytes, and a
     * tree of nodes plus a copy of all of it in a byte array was garbage that paused every thread, the FX
     * thread too. Leaves {@code out} open.
     */
    static void encode(NamespaceSnapshot snapshot, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("id", snapshot.namespaceId());
            json.writeArrayFieldStart("areas");
            for (Map.Entry<StorageKey, AreaSnapshot> area : snapshot.areas().entrySet()) {
                if (area.getKey().topLevelSite().isOpaque() || area.getValue().length() == 0) {
                    continue;
                }
                json.writeStartObject();
                json.writeStringField("key", area.getKey().serialize());
                json.writeArrayFieldStart("items");
                for (Map.Entry<String, String> item : area.getValue().items().entrySet()) {
                    json.writeString(item.getKey());
                    json.writeString(item.getValue());
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * Reads what {@link #encode} wrote, token by token: a restore reads megabytes of these at start-up,
     * and a tree of nodes copied into maps cost about twice the time (measured in a cold JVM).
     *
     * @throws IOException if {@code bytes} are not a namespace as {@link #encode} writes it
     */
    static NamespaceSnapshot decode(byte[] bytes) throws IOException {
        String id = null;
        Map<StorageKey, Map<String, String>> contents = null;
        try (JsonParser json = JSON.getFactory().createParser(Objects.requireNonNull(bytes, "bytes"))) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "not a saved namespace");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                    id = json.getText();
                } else if (field.equals("areas") && value == JsonToken.START_ARRAY) {
                    contents = areas(json);
                } else {
                    json.skipChildren();
                }
            }
            expect(json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null, "not a saved namespace");
        } catch (JsonProcessingException e) {
            throw new IOException("not a saved namespace: " + e.getOriginalMessage(), e);
        }
        expect(id != null && contents != null, "not a saved namespace");
        return NamespaceSnapshot.of(id, contents);
    }

    private static Map<StorageKey, Map<String, String>> areas(JsonParser json) throws IOException {
        Map<StorageKey, Map<String, String>> contents = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String key = null;
            Map<String, String> items = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("key") && value == JsonToken.VALUE_STRING) {
                    key = json.getText();
                } else if (field.equals("items") && value == JsonToken.START_ARRAY) {
                    items = items(json);
                } else {
                    json.skipChildren();
                }
            }
            expect(key != null && items != null, "a saved area is malformed");
            try {
                contents.put(StorageKey.fromSerialized(key), items);
            } catch (IllegalArgumentException e) {
                throw new IOException("a saved storage key is malformed: " + e.getMessage(), e);
            }
        }
        expect(json.currentToken() == JsonToken.END_ARRAY, "a saved area is malformed");
        return contents;
    }

    private static Map<String, String> items(JsonParser json) throws IOException {
        Map<String, String> items = new LinkedHashMap<>();
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            expect(token == JsonToken.VALUE_STRING, "a saved item is not a string");
            String key = json.getText();
            token = json.nextToken();
            expect(token != JsonToken.END_ARRAY, "a saved area is malformed");
            expect(token == JsonToken.VALUE_STRING, "a saved item is not a string");
            items.put(key, json.getText());
        }
        return items;
    }

    private static void expect(boolean condition, String problem) throws IOException {
        if (!condition) {
            throw new IOException(problem);
        }
    }
}
