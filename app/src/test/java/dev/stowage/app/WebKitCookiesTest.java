package dev.stowage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.session.cookies.StoredCookie;
import java.net.CookieHandler;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Why the profile keeps WebKit's own cookie manager, and that saving and refilling it keeps its semantics.
 * The URLs are the ones WebKit's {@code CookieJar} hands the handler: {@code document.cookie} is asked for
 * with the scheme rewritten to {@code javascript:} ({@code javascripts:} on https pages), which is how the
 * handler knows to hide HttpOnly cookies and to refuse scripts setting or overwriting them.
 */
class WebKitCookiesTest {
    private final WebKitCookies webkit = new WebKitCookies();

    private static void put(CookieHandler h, String uri, String... lines) throws Exception {
        h.put(new URI(uri), Map.of("Set-Cookie", List.of(lines)));
    }

    private static String get(CookieHandler h, String uri) throws Exception {
        List<String> cookie = h.get(new URI(uri), new HashMap<>()).get("Cookie");
        return cookie == null ? "" : String.join("; ", cookie);
    }

    /** The cases that decided for WebKit's manager; the JDK's {@code java.net.CookieManager} fails each. */
    private static Map<String, String> semantics(CookieHandler h) throws Exception {
        Map<String, String> seen = new HashMap<>();
        put(h, "http://a.test/", "h=1; HttpOnly");
        put(h, "javascript://a.test/", "h=evil");
        put(h, "javascript://a.test/", "j=1; HttpOnly");
        seen.put("script overwrites or sets HttpOnly", get(h, "http://a.test/"));
        put(h, "https://b.test/", "s=1; Secure");
        seen.put("https page's script sees Secure", get(h, "javascripts://b.test/"));
        put(h, "http://k.test/", "q=\"a b\"");
        seen.put("value kept as sent", get(h, "http://k.test/"));
        put(h, "http://n.test/", "z=1; expires=Sun, 06-Nov-2099 08:49:37 GMT");
        seen.put("old date format", get(h, "http://n.test/"));
        return seen;
    }

    @Test
    void webKitsManagerKeepsRfc6265AndTheJdksDoesNot() throws Exception {
        Map<String, String> expected = Map.of("script overwrites or sets HttpOnly", "h=1",
                "https page's script sees Secure", "s=1", "value kept as sent", "q=\"a b\"", "old date format", "z=1");
        assertEquals(expected, semantics(WebKitCookies.newManager()));
        Map<String, String> jdk = semantics(new java.net.CookieManager(null, CookiePolicy.ACCEPT_ALL));
        for (String key : expected.keySet()) {
            assertTrue(!expected.get(key).equals(jdk.get(key)), "the JDK's manager now gets '" + key + "' right: "
                    + jdk.get(key) + "; reconsider it (docs/ARCHITECTURE.md, cookies)");
        }
    }

    @Test
    void aSnapshotRefillsAFreshManagerWithEverythingWebKitAcceptedAndNothingElse() throws Exception {
        long now = System.currentTimeMillis();
        CookieHandler first = WebKitCookies.newManager();
        put(first, "https://www.shop.co.uk/cart/view", "sid=abc; HttpOnly; Secure; Max-Age=600",
                "pref=dark; Domain=shop.co.uk; Path=/", "gone=1; Max-Age=0", "pub=1; Domain=co.uk");
        put(first, "javascript://www.shop.co.uk/cart/", "sid=stolen; path=/cart",
                "js=1; expires=Sun, 06-Nov-2099 08:49:37 GMT; path=/");
        List<StoredCookie> saved = webkit.snapshot(first, now);
        assertEquals(List.of("js", "pref", "sid"), saved.stream().map(StoredCookie::name).sorted().toList(),
                "expired, public-suffix and script-overwrite cookies were refused: " + saved);
        StoredCookie sid = saved.stream().filter(c -> c.name().equals("sid")).findFirst().orElseThrow();
        assertEquals(new StoredCookie("sid", "abc", "www.shop.co.uk", "/cart", true, true, true, sid.expires(),
                sid.created()), sid);
        assertTrue(Math.abs(sid.expires() - (now + 600_000)) < 5_000, "Max-Age became an absolute time");
        StoredCookie pref = saved.stream().filter(c -> c.name().equals("pref")).findFirst().orElseThrow();
        assertEquals(List.of("shop.co.uk", false, false), List.of(pref.domain(), pref.hostOnly(), pref.persistent()));

        CookieHandler second = WebKitCookies.newManager();
        assertEquals(3, webkit.restore(second, saved, System.currentTimeMillis()));
        List<StoredCookie> back = webkit.snapshot(second, System.currentTimeMillis());
        assertEquals(attributes(saved), attributes(back));
        // WebKit itself, not our bookkeeping, still decides who sees what (the order of equal paths may differ).
        assertEquals(Set.of("sid=abc", "js=1", "pref=dark"), set(get(second, "https://www.shop.co.uk/cart/x")));
        assertEquals(Set.of("js=1", "pref=dark"), set(get(second, "javascripts://www.shop.co.uk/cart/x")),
                "document.cookie");
        assertEquals(Set.of(), set(get(second, "http://www.shop.co.uk/cart/x")).stream().filter(c -> c.startsWith("sid"))
                .collect(Collectors.toSet()), "Secure stays Secure");
        assertEquals(Set.of("pref=dark"), set(get(second, "http://other.shop.co.uk/")));
        put(second, "javascript://www.shop.co.uk/cart/", "sid=stolen; path=/cart");
        assertEquals(Set.of("sid=abc", "js=1", "pref=dark"), set(get(second, "https://www.shop.co.uk/cart/x")),
                "still HttpOnly after a restore");
    }

    /** Everything but the times, which a refill resets, sorted. */
    private static List<String> attributes(List<StoredCookie> cookies) {
        return cookies.stream().map(c -> List.of(c.key(), c.value(), c.hostOnly(), c.secure(), c.httpOnly(),
                c.persistent()).toString()).sorted().toList();
    }

    private static Set<String> set(String header) {
        return Arrays.stream(header.split(";")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Test
    void theRemainingLifetimeIsRoundedUpAndNeverOverflows() {
        long now = 1_000_000L;
        StoredCookie soon = new StoredCookie("a", "1", "h.test", "/", true, false, false, now + 1_001, 0);
        StoredCookie far = new StoredCookie("b", "2", "h.test", "/p", false, true, true, Long.MAX_VALUE, 0);
        StoredCookie session = new StoredCookie("c", "", "h.test", "/", true, false, false, null, 0);
        assertEquals("a=1; Path=/; Max-Age=2", WebKitCookies.setCookieLine(soon, now));
        assertEquals("b=2; Path=/p; Domain=h.test; Max-Age=" + ((Long.MAX_VALUE - now) / 1000 + 1) + "; Secure; HttpOnly",
                WebKitCookies.setCookieLine(far, now));
        assertEquals("c=; Path=/", WebKitCookies.setCookieLine(session, now));
    }

    @Test
    void theSelfCheckPassesWithThisJavaFx() {
        webkit.selfCheck();
    }
}
