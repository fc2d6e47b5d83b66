package dev.stowage.app.download;

import java.net.URI;
import java.util.Optional;

/**
 * The Referer a download's request carries, by the web's default policy
 * ({@code strict-origin-when-cross-origin}): the whole page URL (without its fragment) to the same origin,
 * only the page's origin to another, nothing from https to http or from a page that is not http(s).
 * Pure; thread-safe.
 */
final class Referers {
    private Referers() {
    }

    static Optional<String> forRequest(String page, String target) {
        try {
            URI from = URI.create(page);
            URI to = URI.create(target);
            String fromScheme = from.getScheme() == null ? "" : from.getScheme().toLowerCase(java.util.Locale.ROOT);
            String toScheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(fromScheme.equals("http") || fromScheme.equals("https")) || from.getHost() == null
                    || (fromScheme.equals("https") && !toScheme.equals("https"))) {
                return Optional.empty();
            }
            String origin = fromScheme + "://" + from.getRawAuthority().replaceFirst("^.*@", "");
            boolean sameOrigin = fromScheme.equals(toScheme) && from.getHost().equalsIgnoreCase(to.getHost())
                    && port(from) == port(to);
            if (!sameOrigin) {
                return Optional.of(origin + "/");
            }
            String path = from.getRawPath() == null || from.getRawPath().isEmpty() ? "/" : from.getRawPath();
            return Optional.of(origin + path + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
