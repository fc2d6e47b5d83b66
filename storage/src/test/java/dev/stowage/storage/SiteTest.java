package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SiteTest {
    private static Site site(String url) {
        return Site.of(Origin.of(url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://a.com, https://a.com",
            "https://www.a.com:8443/x, https://a.com",
            "https://x.y.a.com, https://a.com",
            "http://a.com, http://a.com",
            // the Public Suffix List, not "the last two labels"
            "https://news.bbc.co.uk, https://bbc.co.uk",
            "https://alice.github.io, https://alice.github.io",
            "https://deep.alice.github.io, https://alice.github.io",
            // hosts with no registrable domain are their own site
            "https://github.io, https://github.io",
            "https://co.uk, https://co.uk",
            "http://127.0.0.1:8080, http://127.0.0.1",
            "http://10.0.0.1, http://10.0.0.1",
            "http://[::1]:9000, http://[::1]",
            "http://localhost:8080, http://localhost",
            "http://app.localhost, http://app.localhost",
            "http://intranet, http://intranet",
            "http://a.b.unknown-tld-here, http://a.b.unknown-tld-here",
            // reserved names are not on the list either: www.a.example is its own site
            "https://www.a.example, https://www.a.example",
            "http://my_host.com, http://my_host.com",
            "https://www.BÜCHER.com, https://xn--bcher-kva.com",
            "file:///home/me/a.html, file://",
            "file://server/share/b.html, file://",
    })
    void registrableDomainOrTheWholeHost(String url, String expected) {
        assertEquals(expected, site(url).serialize());
    }

    @Test
    void portsDoNotCountButSchemesDo() {
        assertEquals(site("http://127.0.0.1:1"), site("http://127.0.0.1:2"));
        assertEquals(site("https://a.com").hashCode(), site("https://www.a.com:444").hashCode());
        assertNotEquals(site("http://a.com"), site("https://a.com"));
        assertNotEquals(site("http://127.0.0.1:1"), site("http://localhost:1"), "the test server's two sites");
        assertNotEquals(site("https://alice.github.io"), site("https://bob.github.io"));
    }

    @Test
    void anOpaqueSiteEqualsOnlyTheSiteOfTheSameOpaqueOrigin() {
        Origin opaque = Origin.opaque();
        Site one = Site.of(opaque);
        assertTrue(one.isOpaque());
        assertEquals(one, Site.of(opaque), "frames under one opaque top-level document share its partition");
        assertEquals(one.hashCode(), Site.of(opaque).hashCode());
        assertNotEquals(one, Site.of(Origin.opaque()));
        assertNotEquals(one, site("data:text/html,x"));
        assertFalse(site("https://a.com").isOpaque());
        assertEquals("null", one.serialize());
    }

    @Test
    void serialisationRoundTripsAndIsStrict() {
        for (String s : new String[] {"https://a.com", "http://127.0.0.1", "http://localhost", "file://",
                "https://alice.github.io", "http://[::1]"}) {
            assertEquals(s, Site.fromSerialized(s).serialize());
        }
        assertThrows(IllegalArgumentException.class, () -> Site.fromSerialized("https://www.a.com"),
                "a host that is not the registrable domain is not a site's serialisation");
        assertThrows(IllegalArgumentException.class, () -> Site.fromSerialized("http://localhost:8080"));
        assertThrows(IllegalArgumentException.class, () -> Site.fromSerialized("null"));
        assertThrows(NullPointerException.class, () -> Site.of(null));
    }
}
