package dev.stowage.app.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/** An area's items as one JSON object, in storage order: what "Copy whole origin as JSON" puts on the clipboard. */
final class AreaJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AreaJson() {
    }

    static String of(Map<String, String> items) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a map of strings always writes
        }
    }
}
