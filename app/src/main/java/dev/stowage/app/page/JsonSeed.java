package dev.stowage.app.page;

import java.util.Map;

/**
 * Encodes an area's items for the install script's {@code JSON.parse}.
 *
 * <p>Every character outside printable ASCII is written as a {@code \\uXXXX} escape, so lone surrogates
 * and {@code \0} reach JavaScript as the exact UTF-16 code units Java holds, whatever the string
 * conversion between the two runtimes would do with them.
 */
final class JsonSeed {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonSeed() {
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

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append('\\').append('u')
                        .append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        out.append('"');
    }
}
