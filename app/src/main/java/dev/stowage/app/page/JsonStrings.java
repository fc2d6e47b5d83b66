package dev.stowage.app.page;

import dev.stowage.storage.StorageChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes that cross the bridge: an area's items as the install script's seed and a batch of
 * changes pushed into a document (Java to JavaScript), and a document's batch of writes (JavaScript to
 * Java), all flat arrays of strings (and nulls, in a batch of changes).
 *
 * <p>Every character outside printable ASCII is written as a {@code \\uXXXX} escape, so lone surrogates
 * and {@code \0} reach JavaScript as the exact UTF-16 code units Java holds, whatever the string
 * conversion between the two runtimes would do with them.
 */
final class JsonStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /** {@code [k1, v1, k2, v2, ...]} in the map's order. */
    static String encode(Map<String, String> items) {
        long size = 2;
        for (Map.Entry<String, String> e : items.entrySet()) {
            size += e.getKey().length() + e.getValue().length() + 6;
        }
        StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, size + size / 8));
        out.append('[');
        boolean first = true;
        for (Map.Entry<String, String> e : items.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(',');
            string(out, e.getValue());
        }
        return out.append(']').toString();
    }

    /**
     * {@code [k1, old1, new1, k2, old2, new2, ...]} in the map's order, {@code null} for an old value a key
     * did not have or a new value it no longer has: a change the shell pushes into a document in one call.
     */
    static String encodeChanges(Map<String, StorageChange.ValueChange> changes) {
        long size = 2;
        for (Map.Entry<String, StorageChange.ValueChange> e : changes.entrySet()) {
            size += e.getKey().length() + length(e.getValue().oldValue()) + length(e.getValue().newValue()) + 9;
        }
        StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, size + size / 8));
        out.append('[');
        boolean first = true;
        for (Map.Entry<String, StorageChange.ValueChange> e : changes.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(',');
            stringOrNull(out, e.getValue().oldValue());
            out.append(',');
            stringOrNull(out, e.getValue().newValue());
        }
        return out.append(']').toString();
    }

    private static int length(String s) {
        return s == null ? 4 : s.length();
    }

    private static void stringOrNull(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
        } else {
            string(out, s);
        }
    }

    /**
     * Parses a flat JSON array of strings, as {@code JSON.stringify} writes it (lone surrogates arrive as
     * {@code \\u} escapes and are kept as they are).
     *
     * @throws IllegalArgumentException if {@code json} is anything else
     */
    static List<String> decodeArray(String json) {
        return new Decoder(json).array();
    }

    /**
     * One pass over one batch. A string without escapes (nearly all of them) is cut out of the batch whole:
     * the search for its end and its copy are the JDK's intrinsics, which stay fast while the JIT has not yet
     * compiled this code (a page's first burst of 10k writes took 10-27 ms to decode one character at a
     * time, measured). The next backslash is remembered, so each search covers the batch once in all.
     */
    private static final class Decoder {
        private final String json;
        private final List<String> out = new ArrayList<>();
        private int nextEscape = -1; // the next backslash at or after the current string, or length: none left

        Decoder(String json) {
            this.json = json;
        }

        List<String> array() {
            int i = skipSpace(json, 0);
            i = expect(json, i, '[');
            i = skipSpace(json, i);
            if (i < json.length() && json.charAt(i) == ']') {
                return out;
            }
            while (true) {
                i = skipSpace(json, i);
                i = expect(json, i, '"');
                i = string(i);
                i = skipSpace(json, i);
                if (i < json.length() && json.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect(json, i, ']');
                return out;
            }
        }

        /** Reads the string whose text starts at {@code from}; returns the index after its closing quote. */
        private int string(int from) {
            int quote = json.indexOf('"', from);
            if (quote < 0) {
                throw new IllegalArgumentException("unterminated string");
            }
            if (nextEscape < from) {
                int found = json.indexOf('\\', from);
                nextEscape = found < 0 ? json.length() : found;
            }
            if (nextEscape > quote) {
                out.add(json.substring(from, quote));
                return quote + 1;
            }
            return escaped(from);
        }

        private int escaped(int from) {
            StringBuilder value = new StringBuilder();
            int i = from;
            while (true) {
                if (i >= json.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = json.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (i >= json.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char e = json.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> value.append(e);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        value.append(hex4(i));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + e);
                }
            }
            out.add(value.toString());
            return i;
        }

        private char hex4(int at) {
            if (at + 4 > json.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            int code = 0;
            for (int k = at; k < at + 4; k++) {
                int digit = Character.digit(json.charAt(k), 16);
                if (digit < 0) {
                    throw new IllegalArgumentException("bad escape \\u" + json.substring(at, at + 4));
                }
                code = code << 4 | digit;
            }
            return (char) code;
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int expect(String s, int i, char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i);
        }
        return i + 1;
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        // Plain runs are appended whole: a seed is megabytes of mostly plain text, and one append per
        // character made encoding a 5 MiB area the largest cost of starting a document.
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                out.append(s, run, i);
                out.append('\\').append('u')
                        .append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                run = i + 1;
            }
        }
        out.append(s, run, s.length());
        out.append('"');
    }
}
