package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressResolverTest {
    private final AddressResolver resolver = new AddressResolver();

    @ParameterizedTest
    @CsvSource({
        "localhost, http://localhost",
        "localhost:8080, http://localhost:8080",
        "LOCALHOST:8080/a?b#c, http://LOCALHOST:8080/a?b#c",
        "127.0.0.1, http://127.0.0.1",
        "127.0.0.1:9000/x, http://127.0.0.1:9000/x",
        "[::1]:8080/, http://[::1]:8080/",
        "intranet:8080, http://intranet:8080",
        "example.com, https://example.com",
        "example.com/path?q=1, https://example.com/path?q=1",
        "example.com:8443, http://example.com:8443",
        "sub.example.co.uk, https://sub.example.co.uk",
        "'  example.com  ', https://example.com",
        "http://example.com, http://example.com",
        "HTTPS://Example.com/x, HTTPS://Example.com/x",
        "about:blank, about:blank",
        "file:///tmp/x.html, file:///tmp/x.html",
    })
    void resolves(String typed, String expected) {
        var result = resolver.resolve(typed);
        assertEquals(expected, result.url(), () -> String.valueOf(result.error()));
        assertNull(result.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "what is stowage", "example .com", "http://", "https:///path",
        "javascript:alert(1)", "ftp://example.com", "localhost:99999", "300.1.1.1", ".com", "example.", "a..b",
        "http://exa mple.com", "foo_bar"})
    void rejectsWithAMessageNeverAnException(String typed) {
        var result = resolver.resolve(typed);
        assertFalse(result.isOk(), () -> typed + " -> " + result.url());
        assertFalse(result.error().isBlank());
    }
}
