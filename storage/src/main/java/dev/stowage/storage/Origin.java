package dev.stowage.storage;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The origin of a document: the unit that owns one {@link StorageArea} inside a {@link SessionNamespace}.
 *
 * <p>A <em>tuple</em> origin is (scheme, host, port). Schemes and hosts are lower-cased, non-ASCII hosts
 * are converted to their ASCII (punycode) form, IPv6 hosts keep their brackets, and the default port of
 * the scheme is folded away (http 80, https 443, ws 80, wss 443, ftp 21), so {@code https://A.example:443/x}
 * and {@code https://a.example} are the same origin. User info, path, query and fragment never matter.
 *
 * <p>An <em>opaque</em> origin is equal only to itself. {@link #of(String)} gives one for {@code data:},
 * {@code about:}, {@code javascript:}, for any scheme without an authority, and for anything it cannot
 * parse. Pages whose origin is opaque get no sessionStorage at all (a {@code SecurityError}), which is why
 * {@link SessionNamespace#area(Origin)} refuses them.
 *
 * <p>{@code blob:} URLs take the origin of the URL they wrap when that is http, https or file, and are
 * opaque otherwise, as the URL Standard says.
 *
 * <p><b>The file: rule.</b> Every {@code file:} URL has the one origin {@code file://}, whatever its path
 * or host: pages opened from disk share one storage area per tab. This is Chromium's behaviour and the one
 * that lets a developer test a multi-page local app; the price is that two unrelated local files in the
 * same tab see each other's sessionStorage, which matters little because both came from the user's disk.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Origin {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
    private static final Pattern LENIENT_HOST = Pattern.compile("[a-z0-9_\\-.]+");
    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of("http", 80, "https", 443, "ws", 80, "wss", 443, "ftp", 21);
    private static final Origin FILE = new Origin("file", "", -1, false);

    private final String scheme;
    private final String host;
    private final int port;
    private final boolean opaque;

    private Origin(String scheme, String host, int port, boolean opaque) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.opaque = opaque;
    }

    /** A new opaque origin, equal to no other origin. */
    public static Origin opaque() {
        return new Origin("", "", -1, true);
    }

    /**
     * The origin of {@code url}. Never throws: {@code null}, malformed URLs and URLs without a host give
     * a fresh opaque origin.
     */
    public static Origin of(String url) {
        if (url == null) {
            return opaque();
        }
        String s = url.strip();
        var m = SCHEME.matcher(s);
        if (!m.find()) {
            return opaque();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = s.substring(m.end());
        switch (scheme) {
            case "blob":
                Origin inner = of(rest);
                boolean wrapsFetchable = !inner.opaque
                        && (inner.scheme.equals("http") || inner.scheme.equals("https") || inner.scheme.equals("file"));
                return wrapsFetchable ? inner : opaque();
            case "file":
                return FILE;
            case "data":
            case "about":
            case "javascript":
                return opaque();
            default:
                return tupleOrigin(scheme, rest);
        }
    }

    /**
     * Parses the serialisation written by {@link #serialize()}, for reading saved sessions. Unlike
     * {@link #of(String)} it is strict: anything but a canonical tuple-origin serialisation is refused.
     *
     * @throws IllegalArgumentException if {@code serialized} is not {@code scheme://host[:port]} in canonical form
     */
    public static Origin fromSerialized(String serialized) {
        Objects.requireNonNull(serialized, "serialized");
        Origin origin = of(serialized);
        if (origin.opaque || !origin.serialize().equals(serialized)) {
            throw new IllegalArgumentException("not a serialised origin: \"" + serialized + "\"");
        }
        return origin;
    }

    private static Origin tupleOrigin(String scheme, String rest) {
        if (!rest.startsWith("//")) {
            return opaque();
        }
        int end = 2;
        while (end < rest.length() && "/?#\\".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(2, end);
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String host;
        String portText;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return opaque();
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                return opaque();
            }
            portText = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            portText = colon >= 0 ? hostPort.substring(colon + 1) : "";
        }
        if (host.isEmpty()) {
            return opaque();
        }
        int port;
        try {
            port = portText.isEmpty() ? -1 : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            return opaque();
        }
        if (port > 65535 || (port < 0 && !portText.isEmpty()) || portText.startsWith("+")) {
            return opaque();
        }
        String asciiHost;
        try {
            asciiHost = host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return opaque();
        }
        asciiHost = asciiHost.toLowerCase(Locale.ROOT);
        if (!isValidHost(scheme, asciiHost)) {
            return opaque();
        }
        Integer defaultPort = DEFAULT_PORTS.get(scheme);
        if (defaultPort != null && defaultPort == port) {
            port = -1;
        }
        return new Origin(scheme, asciiHost, port, false);
    }

    /** java.net.URI decides what a server host is; hosts with '_' (valid in browsers) are allowed too. */
    private static boolean isValidHost(String scheme, String host) {
        try {
            URI uri = new URI(scheme + "://" + host + "/").parseServerAuthority();
            if (uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // fall through to the lenient rule
        }
        return !host.startsWith("[") && LENIENT_HOST.matcher(host).matches();
    }

    /** Whether this origin is opaque (has no storage). */
    public boolean isOpaque() {
        return opaque;
    }

    /** The lower-case scheme, {@code ""} for an opaque origin. */
    public String scheme() {
        return scheme;
    }

    /** The lower-case ASCII host (IPv6 in brackets), {@code ""} for {@code file://} and opaque origins. */
    public String host() {
        return host;
    }

    /** The explicit port, or -1 when it is the scheme's default (or the origin has none). */
    public int port() {
        return port;
    }

    /** {@code scheme://host[:port]}, or {@code "null"} for an opaque origin, as browsers serialise origins. */
    public String serialize() {
        if (opaque) {
            return "null";
        }
        return port < 0 ? scheme + "://" + host : scheme + "://" + host + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Origin)) {
            return false;
        }
        Origin other = (Origin) o;
        return !opaque && !other.opaque && port == other.port && scheme.equals(other.scheme) && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return opaque ? System.identityHashCode(this) : Objects.hash(scheme, host, port);
    }

    @Override
    public String toString() {
        return opaque ? "Origin[opaque@" + Integer.toHexString(System.identityHashCode(this)) + "]" : serialize();
    }
}
