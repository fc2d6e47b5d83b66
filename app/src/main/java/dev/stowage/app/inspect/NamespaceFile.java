package dev.stowage.app.inspect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.storage.AreaSnapshot;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.StorageKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tab's whole sessionStorage as a file a tester keeps and loads into a tab:
 * {@code {"format": 1, "kind": "stowage-session-storage", "areas": {"<storage key>": {"key": "value", ...}}}},
 * areas and items in storage order; a storage key is the origin, or {@code origin ^ top-level site} for a
 * cross-site frame's partition. A newer format is refused. Pure functions; any thread.
 */
public final class NamespaceFile {
    public static final int FORMAT = 1;
    static final String KIND = "stowage-session-storage";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NamespaceFile() {
    }

    /** {@code snapshot} as the file holds it. */
    public static byte[] write(NamespaceSnapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("kind", KIND);
            json.writeObjectFieldStart("areas");
            for (Map.Entry<StorageKey, AreaSnapshot> area : snapshot.areas().entrySet()) {
                if (area.getKey().topLevelSite().isOpaque()) {
                    continue; // such partitions live only as long as their document
                }
                json.writeObjectFieldStart(area.getKey().serialize());
                for (Map.Entry<String, String> item : area.getValue().items().entrySet()) {
                    json.writeStringField(item.getKey(), item.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * The areas a file holds, in its order.
     *
     * @throws IOException with a reason a person can read, when it is not such a file, or a newer one
     */
    public static Map<StorageKey, Map<String, String>> read(byte[] file) throws IOException {
        Objects.requireNonNull(file, "file");
        Map<StorageKey, Map<String, String>> areas = null;
        Integer format = null;
        String kind = null;
        try (JsonParser json = JSON.getFactory().createParser(file)) {
            expect(json.nextToken() == JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("format") && value == JsonToken.VALUE_NUMBER_INT) {
                    format = json.getIntValue();
                } else if (field.equals("kind") && value == JsonToken.VALUE_STRING) {
                    kind = json.getText();
                } else if (field.equals("areas") && value == JsonToken.START_OBJECT) {
                    areas = areas(json);
                } else {
                    json.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("This is not a Stowage storage file: " + e.getOriginalMessage(), e);
        }
        if (!KIND.equals(kind) || format == null || areas == null) {
            throw new IOException("This is not a Stowage storage file (it needs format, kind and areas).");
        }
        if (format > FORMAT) {
            throw new IOException("This storage file has format " + format + ", from a newer Stowage; this one reads "
                    + FORMAT + ".");
        }
        return areas;
    }

    private static Map<StorageKey, Map<String, String>> areas(JsonParser json) throws IOException {
        Map<StorageKey, Map<String, String>> areas = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            StorageKey key;
            try {
                key = StorageKey.fromSerialized(json.currentName());
            } catch (IllegalArgumentException e) {
                throw new IOException("Not an origin: " + json.currentName(), e);
            }
            expect(json.nextToken() == JsonToken.START_OBJECT);
            Map<String, String> items = new LinkedHashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String item = json.currentName();
                if (json.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IOException("The value of " + item + " in " + key.serialize() + " is not a string.");
                }
                items.put(item, json.getText());
            }
            areas.put(key, items);
        }
        return areas;
    }

    private static void expect(boolean condition) throws IOException {
        if (!condition) {
            throw new IOException("This is not a Stowage storage file.");
        }
    }
}
