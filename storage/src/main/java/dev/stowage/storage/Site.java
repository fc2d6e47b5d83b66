package dev.stowage.storage;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.Objects;

/**
 * A <em>schemeful site</em>: a scheme and a registrable domain, the unit by which browsers partition storage
 * (the second half of a {@link StorageKey}). {@code https://a.example}, {@code https://www.a.example:8443}
 * and {@code https://x.y.a.example} are one site; {@code http://a.example} is another (the scheme counts),
 * and so is {@code https://b.example}. Ports never count.
 *
 * <p><b>Registrable domain.</b> The host's public suffix plus one label, decided by the Public Suffix List
 * through Guava's {@link InternetDomainName#topPrivateDomain()}, private entries included, as browsers do:
 * {@code alice.github.io} and {@code bob.github.io} are two sites, {@code a.example.co.uk} and
 * {@code b.example.co.uk} one. Why Guava: the list is what every browser uses and a host-suffix heuristic
 * ("the last two labels") is wrong for {@code co.uk}, {@code github.io} and thousands more, which would let
 * unrelated sites share a partition; the JDK's copy of the list ({@code sun.security.util.RegisteredDomain})
 * is internal API that needs {@code --add-exports}; vendoring the list means parsing and updating it
 * ourselves. Guava is pinned in the root pom, so the list changes only when that version is raised; a
 * suffix added to the list later than that release is missing here until then.
 *
 * <p><b>Hosts without a registrable domain are their own site</b>: IP addresses (IPv4, bracketed IPv6),
 * {@code localhost}, single-label and unknown-TLD hosts ({@code intranet}, {@code foo.localhost}), hosts
 * that are themselves a public suffix ({@code github.io}), and anything the list's parser refuses (hosts
 * with {@code _}). This is what Chromium's {@code SchemefulSite} does (it, too, ignores the list's implicit
 * {@code *} rule), and it keeps {@code 127.0.0.1} and {@code localhost} two sites.
 *
 * <p><b>file: and opaque origins.</b> {@code file:} URLs have the one origin {@code file://} (see
 * {@link Origin}), so they have the one site {@code file://}. An opaque origin has an opaque site, equal
 * only to a site made from that same origin object: frames under an opaque top-level document (a page from
 * {@code loadContent}, a {@code data:} URL) share a partition with each other while that document lives,
 * and with nothing else. An opaque site has no serialisation and cannot be saved or restored.
 *
 * <p>Immutable and safe to share between threads. {@link #of(Origin)} does a suffix-list lookup; callers
 * on a hot path keep the site rather than recompute it (as {@code PageStorage} keeps the tab's).
 */
public final class Site {
    private static final Site FILE = new Site("file", "", null);

    private final String scheme;
    private final String domain;
    /** The origin an opaque site was made from; null for a tuple site. Equality is that origin's. */
    private final Origin opaqueOrigin;

    private Site(String scheme, String domain, Origin opaqueOrigin) {
        this.scheme = scheme;
        this.domain = domain;
        this.opaqueOrigin = opaqueOrigin;
    }

    /**
     * The site of {@code origin}.
     *
     * @throws NullPointerException if {@code origin} is null
     */
    public static Site of(Origin origin) {
        Objects.requireNonNull(origin, "origin");
        if (origin.isOpaque()) {
            return new Site("", "", origin);
        }
        if (origin.scheme().equals("file")) {
            return FILE;
        }
        return new Site(origin.scheme(), registrableDomainOrHost(origin.host()), null);
    }

    /**
     * Parses {@link #serialize()}'s form {@code scheme://domain}, for reading saved sessions; strict.
     *
     * @throws IllegalArgumentException if {@code serialized} is not the canonical serialisation of a site
     */
    public static Site fromSerialized(String serialized) {
        Objects.requireNonNull(serialized, "serialized");
        Site site = of(Origin.fromSerialized(serialized));
        if (!site.serialize().equals(serialized)) {
            throw new IllegalArgumentException("not a serialised site: \"" + serialized + "\"");
        }
        return site;
    }

    static String registrableDomainOrHost(String host) {
        if (host.startsWith("[") || InetAddresses.isInetAddress(host)) {
            return host;
        }
        // isValid refuses what the list's parser cannot take ('_', empty labels, over-long names).
        if (!InternetDomainName.isValid(host)) {
            return host;
        }
        InternetDomainName name = InternetDomainName.from(host);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
    }

    /** Whether this is the site of an opaque origin. */
    public boolean isOpaque() {
        return opaqueOrigin != null;
    }

    /** The lower-case scheme; {@code ""} for an opaque site. */
    public String scheme() {
        return scheme;
    }

    /**
     * The registrable domain, or the whole host when it has none (IP address, {@code localhost});
     * {@code ""} for the {@code file://} site and opaque sites.
     */
    public String domain() {
        return domain;
    }

    /** {@code scheme://domain}, {@code file://} for files, {@code "null"} for an opaque site. */
    public String serialize() {
        return isOpaque() ? "null" : scheme + "://" + domain;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Site)) {
            return false;
        }
        Site other = (Site) o;
        if (isOpaque() || other.isOpaque()) {
            return isOpaque() && other.isOpaque() && opaqueOrigin.equals(other.opaqueOrigin);
        }
        return scheme.equals(other.scheme) && domain.equals(other.domain);
    }

    @Override
    public int hashCode() {
        return isOpaque() ? opaqueOrigin.hashCode() : Objects.hash(scheme, domain);
    }

    @Override
    public String toString() {
        return isOpaque() ? "Site[opaque " + opaqueOrigin + "]" : "Site[" + serialize() + "]";
    }
}
