package dev.stowage.app.shell;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a person types into the address bar (or passes on the command line) into a URL to load.
 *
 * <p>Rules, as in Chrome and Firefox minus search: text with a scheme is taken as is (web schemes must
 * have a host); without a scheme, {@code localhost}, IP addresses and {@code host:port} get
 * {@code http://}, any other host with a dot gets {@code https://}; everything else is not an address
 * and yields {@link Result#error()} with a sentence fit to show the user. Never throws on user input.
 *
 * <p>Stateless and thread-safe.
 */
public final class AddressResolver {
    private static final Set<String> ACCEPTED_SCHEMES = Set.of("http", "https", "file", "about", "data");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[^:/]+)(?::(\\d{1,5}))?$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern HOST_LABELS = Pattern.compile("^[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.?$");

    /** Outcome of {@link #resolve}: exactly one of {@code url} and {@code error} is non-null. */
    public record Result(String url, String error) {
        static Result ok(String url) {
            return new Result(url, null);
        }

        static Result fail(String error) {
            return new Result(null, error);
        }

        public boolean isOk() {
            return url != null;
        }
    }

    /** Resolves {@code input}; see the class comment for the rules. */
    public Result resolve(String input) {
        Objects.requireNonNull(input, "input");
        String text = input.strip();
        if (text.isEmpty()) {
            return Result.fail("Type a web address, for example example.com");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return notAnAddress(text);
        }
        var scheme = SCHEME.matcher(text);
        if (scheme.matches() && !looksLikeHostPort(text)) {
            return resolveWithScheme(text, scheme.group(1).toLowerCase(Locale.ROOT));
        }
        return resolveWithoutScheme(text);
    }

    private static boolean looksLikeHostPort(String text) {
        // "localhost:8080/x" and "example.com:8443" match the scheme pattern too; a scheme is never
        // followed by digits up to the end of the authority.
        int colon = text.indexOf(':');
        int end = colon + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end > colon + 1 && (end == text.length() || "/?#".indexOf(text.charAt(end)) >= 0);
    }

    private Result resolveWithScheme(String text, String scheme) {
        if (!ACCEPTED_SCHEMES.contains(scheme)) {
            return Result.fail("Stowage cannot open \"" + scheme + ":\" addresses");
        }
        try {
            URI uri = new URI(text);
            if ((scheme.equals("http") || scheme.equals("https")) && (uri.getHost() == null || uri.getHost().isEmpty())) {
                return Result.fail("\"" + text + "\" has no host name");
            }
            return Result.ok(text);
        } catch (URISyntaxException e) {
            return Result.fail("\"" + text + "\" is not a valid address: " + e.getReason());
        }
    }

    private Result resolveWithoutScheme(String text) {
        int end = indexOfAny(text, "/?#");
        String authority = end < 0 ? text : text.substring(0, end);
        var hostPort = HOST_PORT.matcher(authority);
        if (!hostPort.matches()) {
            return notAnAddress(text);
        }
        String host = hostPort.group(1);
        String port = hostPort.group(2);
        if (port != null && Integer.parseInt(port) > 65535) {
            return Result.fail("\"" + port + "\" is not a port number");
        }
        boolean local = host.equalsIgnoreCase("localhost") || IPV4.matcher(host).matches() || host.startsWith("[");
        if (local && !host.startsWith("[") && !host.equalsIgnoreCase("localhost") && !validIpv4(host)) {
            return notAnAddress(text);
        }
        if (!local && !HOST_LABELS.matcher(host).matches()) {
            return notAnAddress(text);
        }
        String scheme;
        if (local || port != null) {
            scheme = "http://";
        } else if (host.contains(".") && !host.startsWith(".") && !host.endsWith(".")) {
            scheme = "https://";
        } else {
            return notAnAddress(text);
        }
        return resolveWithScheme(scheme + text, scheme.substring(0, scheme.indexOf(':')));
    }

    private static boolean validIpv4(String host) {
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Result notAnAddress(String text) {
        return Result.fail("\"" + text + "\" is not a web address. Try something like example.com");
    }
}
