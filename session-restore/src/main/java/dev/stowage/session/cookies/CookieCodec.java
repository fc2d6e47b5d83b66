package dev.stowage.session.cookies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cookie list as JSON, one object per cookie, in store order:
 * {@code {"name", "value", "domain", "path", "hostOnly", "secure", "httpOnly", "expires"?, "created"}}, the
 * times as ISO-8601 UTC instants with milliseconds ({@code "2026-12-01T10:00:00.250Z"}), {@code expires}
 * absent for a session cookie. See {@code docs/session-format.md}.
 *
 * <p>Decoding is strict: a member of the wrong type or missing makes the whole list unreadable (the file is
 * then moved aside by {@link CookieFile}); members it does not know are ignored, so a later build of the
 * same format may add some. Stateless and thread-safe.
 */
public final class CookieCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CookieCodec() {
    }

    /** The JSON array for {@code cookies}, in their order. */
    public static ArrayNode encode(List<StoredCookie> cookies) {
        Objects.requireNonNull(cookies, "cookies");
        ArrayNode array = NODES.arrayNode();
        for (StoredCookie c : cookies) {
            ObjectNode node = array.addObject();
            node.put("name", c.name());
            node.put("value", c.value());
            node.put("domain", c.domain());
            node.put("path", c.path());
            node.put("hostOnly", c.hostOnly());
            node.put("secure", c.secure());
            node.put("httpOnly", c.httpOnly());
            if (c.expires() != null) {
                node.put("expires", Instant.ofEpochMilli(c.expires()).toString());
            }
            node.put("created", Instant.ofEpochMilli(c.created()).toString());
        }
        return array;
    }

    /**
     * The cookies in {@code array}, in its order.
     *
     * @throws IOException if it is not a list as {@link #encode} writes it
     */
    public static List<StoredCookie> decode(JsonNode array) throws IOException {
        if (array == null || !array.isArray()) {
            throw new IOException("no cookie list");
        }
        List<StoredCookie> cookies = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            if (!node.isObject()) {
                throw new IOException("a saved cookie is not an object");
            }
            try {
                JsonNode expires = node.get("expires");
                cookies.add(new StoredCookie(text(node, "name"), text(node, "value"), text(node, "domain"),
                        text(node, "path"), flag(node, "hostOnly"), flag(node, "secure"), flag(node, "httpOnly"),
                        expires == null || expires.isNull() ? null : instant(node, "expires"), instant(node, "created")));
            } catch (IllegalArgumentException e) {
                throw new IOException("a saved cookie is malformed: " + e.getMessage(), e);
            }
        }
        return cookies;
    }

    private static String text(JsonNode node, String member) throws IOException {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw new IOException("a saved cookie has no text '" + member + "'");
        }
        return value.textValue();
    }

    private static boolean flag(JsonNode node, String member) throws IOException {
        JsonNode value = node.get(member);
        if (value == null || !value.isBoolean()) {
            throw new IOException("a saved cookie has no boolean '" + member + "'");
        }
        return value.booleanValue();
    }

    private static long instant(JsonNode node, String member) throws IOException {
        String text = text(node, member);
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IOException("a saved cookie's '" + member + "' is not a time: " + text, e);
        }
    }
}
