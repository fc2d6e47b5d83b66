package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seed's encoding: every UTF-16 string survives, in order, and the output is plain ASCII. */
class JsonStringsTest {
    private static String randomString(Random random) {
        char[] pool = {'a', 'Z', '"', '\\', '/', '\n', '\u0000', '\u001f', '\u007f', '\u00e9', '\u2028',
                '\ud800', '\udc00', '\uffff', ' '};
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.append(random.nextBoolean() ? pool[random.nextInt(pool.length)] : (char) random.nextInt(0x10000));
        }
        return s.toString();
    }

    @Test
    void encodeThenDecodeGivesBackEveryKeyAndValueInOrder() {
        Random random = new Random(8);
        for (int round = 0; round < 500; round++) {
            Map<String, String> items = new LinkedHashMap<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                items.put(randomString(random), randomString(random));
            }
            String json = JsonStrings.encode(items);
            assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), json);
            List<String> flat = new ArrayList<>();
            items.forEach((k, v) -> {
                flat.add(k);
                flat.add(v);
            });
            assertEquals(flat, JsonStrings.decodeArray(json));
        }
    }

    @Test
    void decodesWhatJsonStringifyWrites() {
        // JSON.stringify's forms: short escapes, \\u for other controls and lone surrogates, raw non-ASCII
        String json = "[\"a\\\"b\",\"\\n\\t\\\\\\/\\b\\f\\r\",\"\\ud800x\",\"\u00e9\u2028\",\"\", \"plain\" ]";
        assertEquals(List.of("a\"b", "\n\t\\/\b\f\r", "\ud800x", "\u00e9\u2028", "", "plain"),
                JsonStrings.decodeArray(json));
        assertEquals(List.of(), JsonStrings.decodeArray(" [ ] "));
    }

    @Test
    void plainStringsAfterAnEscapedOneAreCutWhole() {
        List<String> expected = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            String s = i % 7 == 3 ? "k\"" + i : "k" + i;
            expected.add(s);
            json.append(i == 0 ? "" : ",").append('"').append(s.replace("\"", "\\\"")).append('"');
        }
        assertEquals(expected, JsonStrings.decodeArray(json.append(']').toString()));
    }

    @Test
    void refusesMalformedBatches() {
        for (String bad : List.of("", "{}", "[\"a\"", "[\"a", "[\"a\\", "[\"\\x\"]", "[\"\\u12\"]",
                "[\"\\u-123\"]", "[\"\\u+123\"]", "[\"a\" \"b\"]", "[1]")) {
            assertThrows(IllegalArgumentException.class, () -> JsonStrings.decodeArray(bad), bad);
        }
    }

    @Test
    void plainRunsAroundEscapesStayWhole() {
        assertEquals("[\"ab\\u0022cd\",\"\\u005c\"]", JsonStrings.encode(Map.of("ab\"cd", "\\")));
        assertEquals("[]", JsonStrings.encode(Map.of()));
    }
}
