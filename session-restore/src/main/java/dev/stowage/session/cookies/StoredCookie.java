package dev.stowage.session.cookies;

import java.util.Objects;

/**
 * One cookie as the browser's cookie store holds it after it accepted a {@code Set-Cookie} (RFC 6265,
 * section 5.3): the attributes are already resolved (the domain canonical, the path defaulted, Max-Age
 * turned into an absolute time), so the record can be saved and later handed back to a fresh store without
 * knowing the request that set it.
 *
 * @param name     the cookie's name
 * @param value    its value, exactly as the server sent it (quotes included)
 * @param domain   the canonical (lower-case, no leading dot) domain: the host for a host-only cookie
 * @param path     the path it applies to; always starts with {@code /}
 * @param hostOnly whether it goes to {@code domain} only, not to its subdomains (no {@code Domain} attribute)
 * @param secure   whether it goes over secure connections only
 * @param httpOnly whether scripts ({@code document.cookie}) must not see it
 * @param expires  when it expires, in milliseconds since the epoch; {@code null} for a session cookie
 *                 (no {@code Expires} or {@code Max-Age}), which lives only as long as the session
 * @param created  when it was first set, in milliseconds since the epoch; kept so that a restored store
 *                 keeps the order RFC 6265 sends cookies in (longer paths first, then older first)
 */
public record StoredCookie(String name, String value, String domain, String path, boolean hostOnly, boolean secure,
                           boolean httpOnly, Long expires, long created) {
    public StoredCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("a cookie needs a domain");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a cookie's path starts with /, got " + path);
        }
    }

    /** Whether it has an expiry time, so survives the end of the session. */
    public boolean persistent() {
        return expires != null;
    }

    /** Whether it has expired at {@code nowMillis} (a store never sends such a cookie, RFC 6265 5.3 step 11). */
    public boolean expiredAt(long nowMillis) {
        return expires != null && expires <= nowMillis;
    }

    /** What identifies it in a store: a new cookie with the same name, domain and path replaces it. */
    public Key key() {
        return new Key(name, domain, path);
    }

    /** A cookie's identity in a store (RFC 6265 5.3 step 11). */
    public record Key(String name, String domain, String path) {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(path, "path");
        }
    }

    @Override
    public String toString() {
        // Values can be credentials: never in a log line.
        return "StoredCookie[" + name + " for " + domain + path + (persistent() ? ", expires " + expires : ", session")
                + (secure ? ", secure" : "") + (httpOnly ? ", httpOnly" : "") + "]";
    }
}
