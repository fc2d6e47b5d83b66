package dev.stowage.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.Origin;
import dev.stowage.storage.StorageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A namespace's storage file read back as written, and every malformed file refused with a reason. */
class NamespaceCodecTest {
    private static final StorageKey A = StorageKey.firstParty(Origin.of("https://a.example"));
    private static final StorageKey B = StorageKey.firstParty(Origin.of("http://b.example:8080"));

    @Test
    void itemsComeBackInOrderWithEveryCharacter() throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("z", "first");
        a.put("", "empty key");
        a.put("lone \uD800 surrogate", "\"quoted\"\n\u0000 and \uDFFF");
        Map<StorageKey, Map<String, String>> contents = new LinkedHashMap<>();
        contents.put(A, a);
        contents.put(B, Map.of("k", "v"));
        NamespaceSnapshot read = NamespaceCodec.decode(NamespaceCodec.encode(NamespaceSnapshot.of("ns-1", contents)));
        assertEquals("ns-1", read.namespaceId());
        assertEquals(List.of(A, B), List.copyOf(read.areas().keySet()));
        assertEquals(List.copyOf(a.entrySet()), List.copyOf(read.areas().get(A).items().entrySet()));
    }

    @Test
    void fieldsThisBuildDoesNotKnowAreSkipped() throws IOException {
        NamespaceSnapshot read = NamespaceCodec.decode(bytes("{\"later\": {\"x\": [1, {}]}, \"id\": \"n\", "
                + "\"areas\": [{\"extra\": [true], \"key\": \"" + A.serialize() + "\", \"items\": [\"k\", \"v\"]}]}"));
        assertEquals("v", read.areas().get(A).items().get("k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[]",
        "{\"id\": \"n\"}",
        "{\"areas\": []}",
        "{\"id\": 7, \"areas\": []}",
        "{\"id\": \"n\", \"areas\": {}}",
        "{\"id\": \"n\", \"areas\": [{\"key\": \"https://a.example\"}]}",
        "{\"id\": \"n\", \"areas\": [{\"items\": []}]}",
        "{\"id\": \"n\", \"areas\": [{\"key\": \"https://a.example\", \"items\": [\"odd\"]}]}",
        "{\"id\": \"n\", \"areas\": [{\"key\": \"https://a.example\", \"items\": [\"k\", 1]}]}",
        "{\"id\": \"n\", \"areas\": [{\"key\": \"not a key\", \"items\": []}]}",
        "{\"id\": \"n\", \"areas\": [7]}",
        "{\"id\": \"n\", \"areas\": []} trailing",
        "{\"id\": \"n\", \"areas\": [{\"key\": \"https://a.example\", \"items\": [\"k\", \"v\""
    })
    void aMalformedFileIsRefused(String text) {
        assertThrows(IOException.class, () -> NamespaceCodec.decode(bytes(text)));
    }

    @Test
    void aTruncatedFileIsRefusedAtEveryLength() throws IOException {
        byte[] whole = NamespaceCodec.encode(NamespaceSnapshot.of("ns", Map.of(A, Map.of("key", "value"))));
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(IOException.class, () -> NamespaceCodec.decode(cut), "cut at " + length);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
