package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://example.com/a/b?c#d, http://example.com",
            "HTTP://Example.COM, http://example.com",
            "http://example.com:80/, http://example.com",
            "http://example.com:8080/, http://example.com:8080",
            "https://example.com:443/x, https://example.com",
            "https://example.com:80/x, https://example.com:80",
            "ws://example.com:80, ws://example.com",
            "wss://example.com:443, wss://example.com",
            "ftp://example.com:21/f, ftp://example.com",
            "http://user:pw@example.com:81/, http://example.com:81",
            "http://127.0.0.1:8000/index.html, http://127.0.0.1:8000",
            "http://[::1]:8080/, http://[::1]:8080",
            "http://[2001:DB8::1]/, http://[2001:db8::1]",
            "http://localhost, http://localhost",
            "http://my_host.local/, http://my_host.local",
            "http://bücher.example/, http://xn--bcher-kva.example",
            "blob:https://example.com/550e8400-e29b, https://example.com",
            "http://example.com?q, http://example.com",
            "http://example.com#f, http://example.com",
            "'  https://example.com/  ', https://example.com",
            "custom-scheme://Host:9/x, custom-scheme://host:9",
    })
    void parsesTupleOriginsAndFoldsDefaultPorts(String url, String serialized) {
        Origin origin = Origin.of(url);
        assertFalse(origin.isOpaque(), url);
        assertEquals(serialized, origin.serialize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:text/html,hi", "about:blank", "about:srcdoc", "javascript:alert(1)",
            "not a url", "", "http://", "http:///path", "http://example.com:99999/", "http://example.com:-1/",
            "http://[::1/", "mailto:a@example.com", "blob:null/uuid", "blob:data:text/plain,x", "http://exa mple.com/"})
    void givesOpaqueOriginsForUrlsWithoutAHost(String url) {
        Origin origin = Origin.of(url);
        assertTrue(origin.isOpaque(), url);
        assertEquals("null", origin.serialize());
    }

    @Test
    void nullGivesAnOpaqueOrigin() {
        assertTrue(Origin.of(null).isOpaque());
    }

    @Test
    void opaqueOriginsEqualOnlyThemselves() {
        Origin a = Origin.of("data:text/html,x");
        Origin b = Origin.of("data:text/html,x");
        assertNotEquals(a, b);
        assertEquals(a, a);
        assertNotEquals(Origin.opaque(), Origin.opaque());
    }

    @Test
    void tupleOriginsAreEqualByValue() {
        Origin a = Origin.of("https://Example.com:443/a");
        Origin b = Origin.of("https://example.com/b");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(Origin.of("http://example.com"), Origin.of("https://example.com"));
        assertNotEquals(Origin.of("http://example.com"), Origin.of("http://example.com:81"));
        assertNotEquals(Origin.of("http://a.example.com"), Origin.of("http://example.com"));
    }

    @Test
    void everyFileUrlSharesTheOneFileOrigin() {
        Origin a = Origin.of("file:///home/u/a.html");
        Origin b = Origin.of("file://host/c/b.html");
        assertEquals(a, b);
        assertFalse(a.isOpaque());
        assertEquals("file://", a.serialize());
        assertEquals(a, Origin.of("blob:file:///x/uuid"));
    }

    @Test
    void exposesItsParts() {
        Origin o = Origin.of("https://Example.com:8443/x");
        assertEquals("https", o.scheme());
        assertEquals("example.com", o.host());
        assertEquals(8443, o.port());
        assertEquals(-1, Origin.of("https://example.com:443").port());
    }

    @Test
    void serialisationRoundTripsStrictly() {
        for (String s : new String[]{"https://example.com", "http://[::1]:8080", "http://127.0.0.1:5", "file://"}) {
            assertEquals(s, Origin.fromSerialized(s).serialize());
            assertEquals(Origin.of(s), Origin.fromSerialized(s));
        }
        for (String bad : new String[]{"null", "https://example.com/", "HTTPS://example.com", "https://example.com:443",
                "data:x", "example.com", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Origin.fromSerialized(bad), bad);
        }
    }
}
