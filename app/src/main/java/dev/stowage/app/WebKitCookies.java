package dev.stowage.app;

import dev.stowage.session.cookies.StoredCookie;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and refills WebKit's own cookie store, {@code com.sun.webkit.network.CookieManager}, so that its
 * RFC 6265 semantics (HttpOnly hidden from and unwritable by {@code document.cookie}, Secure cookies seen by
 * scripts of https pages, the public-suffix check, domain and path matching, expiry, per-domain limits) stay
 * exactly WebKit's, and only what it actually accepted is saved.
 *
 * <p><b>Reading</b> is private API: WebKit's manager has no way to list its cookies, so this walks its
 * private {@code store} (a {@code CookieStore} whose {@code buckets} map holds package-private
 * {@code Cookie}s), under the store's own lock, the one the manager takes for every get and put. On the
 * class path (the shaded jar, the tests) reflection reaches it; on the module path it needs
 * {@code --add-opens javafx.web/com.sun.webkit.network=ALL-UNNAMED}. {@link #selfCheck()} proves at start-up
 * that it still works with this JavaFX.
 *
 * <p><b>Refilling</b> is public API: each saved cookie becomes a {@code Set-Cookie} line with its resolved
 * attributes ({@code Path}, {@code Domain} unless host-only, the remaining lifetime as {@code Max-Age},
 * {@code Secure}, {@code HttpOnly}) put for an http(s) URL of its domain and path, so WebKit parses and
 * checks it as it would a server's. What is lost: the creation time (WebKit gives the restore's time, so
 * two cookies of equal path length may be sent in another order than before) and the last access time.
 *
 * <p><b>Threading.</b> Stateless after construction; safe on any thread (the store's lock serialises access
 * with WebKit's network threads). <b>Errors.</b> The constructor throws {@link IllegalStateException} when
 * WebKit's private layout is not what this class knows.
 */
final class WebKitCookies {
    private static final String NETWORK = "com.sun.webkit.network.";

    private final Field store;
    private final Field buckets;
    private final Method name;
    private final Method value;
    private final Method expiryTime;
    private final Method domain;
    private final Method path;
    private final Method creationTime;
    private final Method persistent;
    private final Method hostOnly;
    private final Method secureOnly;
    private final Method httpOnly;
    private final Method baseTime;
    private final Method subtime;

    WebKitCookies() {
        try {
            store = open(com.sun.webkit.network.CookieManager.class.getDeclaredField("store"));
            Class<?> storeClass = Class.forName(NETWORK + "CookieStore");
            buckets = open(storeClass.getDeclaredField("buckets"));
            Class<?> cookie = Class.forName(NETWORK + "Cookie");
            name = open(cookie.getDeclaredMethod("getName"));
            value = open(cookie.getDeclaredMethod("getValue"));
            expiryTime = open(cookie.getDeclaredMethod("getExpiryTime"));
            domain = open(cookie.getDeclaredMethod("getDomain"));
            path = open(cookie.getDeclaredMethod("getPath"));
            creationTime = open(cookie.getDeclaredMethod("getCreationTime"));
            persistent = open(cookie.getDeclaredMethod("getPersistent"));
            hostOnly = open(cookie.getDeclaredMethod("getHostOnly"));
            secureOnly = open(cookie.getDeclaredMethod("getSecureOnly"));
            httpOnly = open(cookie.getDeclaredMethod("getHttpOnly"));
            Class<?> time = Class.forName(NETWORK + "ExtendedTime");
            baseTime = open(time.getDeclaredMethod("baseTime"));
            subtime = open(time.getDeclaredMethod("subtime"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("WebKit's cookie store cannot be read in this JavaFX: " + e, e);
        }
    }

    private static <T extends java.lang.reflect.AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }

    /** A new, empty WebKit cookie manager. */
    static CookieHandler newManager() {
        return new com.sun.webkit.network.CookieManager();
    }

    /**
     * Every unexpired cookie in {@code manager}, oldest first.
     *
     * @throws IllegalArgumentException if {@code manager} is not WebKit's
     * @throws IllegalStateException    if the store could not be read
     */
    List<StoredCookie> snapshot(CookieHandler manager, long nowMillis) {
        Objects.requireNonNull(manager, "manager");
        if (!(manager instanceof com.sun.webkit.network.CookieManager)) {
            throw new IllegalArgumentException("not WebKit's cookie manager: " + manager.getClass().getName());
        }
        record Read(StoredCookie cookie, long base, int sub) {
        }
        List<Read> read = new ArrayList<>();
        try {
            Object lock = store.get(manager);
            synchronized (lock) { // the manager's own lock for every get and put
                Map<?, ?> byDomain = (Map<?, ?>) buckets.get(lock);
                for (Object bucket : byDomain.values()) {
                    for (Object c : ((Map<?, ?>) bucket).values()) {
                        long expiry = (long) expiryTime.invoke(c);
                        if (nowMillis > expiry) {
                            continue; // WebKit's own test (Cookie.hasExpired); it purges such cookies lazily
                        }
                        Object created = creationTime.invoke(c);
                        long base = (long) baseTime.invoke(created);
                        read.add(new Read(new StoredCookie((String) name.invoke(c), (String) value.invoke(c),
                                (String) domain.invoke(c), (String) path.invoke(c), (boolean) hostOnly.invoke(c),
                                (boolean) secureOnly.invoke(c), (boolean) httpOnly.invoke(c),
                                (boolean) persistent.invoke(c) ? expiry : null, base), base, (int) subtime.invoke(created)));
                    }
                }
            }
        } catch (IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalStateException("WebKit's cookie store could not be read: " + e, e);
        }
        read.sort(Comparator.comparingLong(Read::base).thenComparingInt(Read::sub));
        return read.stream().map(Read::cookie).toList();
    }

    /**
     * Puts {@code cookies} into {@code manager} as the servers' responses would, oldest first, skipping any
     * that has expired by {@code nowMillis}.
     *
     * @return how many were handed to WebKit (which may still refuse one it would refuse from a server)
     */
    int restore(CookieHandler manager, List<StoredCookie> cookies, long nowMillis) {
        Objects.requireNonNull(manager, "manager");
        int put = 0;
        for (StoredCookie c : Objects.requireNonNull(cookies, "cookies")) {
            if (c.expiredAt(nowMillis)) {
                continue;
            }
            try {
                manager.put(uriOf(c), Map.of("Set-Cookie", List.of(setCookieLine(c, nowMillis))));
                put++;
            } catch (URISyntaxException | IOException | IllegalArgumentException e) {
                // A domain no URL can carry: WebKit could never have sent this cookie anywhere either.
            }
        }
        return put;
    }

    /**
     * Removes from {@code manager} each unexpired cookie {@code which} picks, as its server would: the same
     * name, path and domain with {@code Max-Age=0}.
     *
     * @return how many were removed
     */
    int remove(CookieHandler manager, java.util.function.Predicate<StoredCookie> which, long nowMillis) {
        int removed = 0;
        for (StoredCookie c : snapshot(manager, nowMillis)) {
            if (!which.test(c)) {
                continue;
            }
            String line = c.name() + "=; Path=" + c.path() + (c.hostOnly() ? "" : "; Domain=" + c.domain())
                    + "; Max-Age=0" + (c.secure() ? "; Secure" : "") + (c.httpOnly() ? "; HttpOnly" : "");
            try {
                manager.put(uriOf(c), Map.of("Set-Cookie", List.of(line)));
                removed++;
            } catch (URISyntaxException | IOException | IllegalArgumentException e) {
                // a domain no URL can carry: no page could have it either
            }
        }
        return removed;
    }

    /** The response line that makes WebKit store {@code c} as it was; the lifetime left, rounded up, as Max-Age. */
    static String setCookieLine(StoredCookie c, long nowMillis) {
        StringBuilder line = new StringBuilder(c.name()).append('=').append(c.value()).append("; Path=").append(c.path());
        if (!c.hostOnly()) {
            line.append("; Domain=").append(c.domain());
        }
        if (c.persistent()) {
            long left = c.expires() - nowMillis; // > 0: expired cookies are skipped before
            line.append("; Max-Age=").append(left / 1000 + (left % 1000 == 0 ? 0 : 1));
        }
        if (c.secure()) {
            line.append("; Secure");
        }
        if (c.httpOnly()) {
            line.append("; HttpOnly");
        }
        return line.toString();
    }

    /** An http(s) URL of the cookie's own domain and path: the only kind WebKit lets set an HttpOnly cookie. */
    private static URI uriOf(StoredCookie c) throws URISyntaxException {
        return new URI(c.secure() ? "https" : "http", c.domain(), c.path(), null);
    }

    /**
     * Proves on a scratch manager that a cookie of every kind goes out and comes back unchanged.
     *
     * @throws IllegalStateException if WebKit's store cannot be read or refilled faithfully
     */
    void selfCheck() {
        long now = System.currentTimeMillis();
        CookieHandler first = newManager();
        try {
            first.put(new URI("https://self-check.stowage.invalid/a/b"), Map.of("Set-Cookie", List.of(
                    "p=1; Max-Age=3600; Secure; HttpOnly", "s=2; Domain=self-check.stowage.invalid; Path=/")));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the cookie self-check could not set its cookies: " + e, e);
        }
        List<StoredCookie> out = snapshot(first, now);
        CookieHandler second = newManager();
        restore(second, out, now);
        List<StoredCookie> back = snapshot(second, now);
        boolean same = out.size() == 2 && back.size() == 2;
        for (int i = 0; same && i < 2; i++) {
            StoredCookie a = out.get(i);
            StoredCookie b = back.stream().filter(x -> x.key().equals(a.key())).findFirst().orElse(null);
            same = b != null && a.value().equals(b.value()) && a.hostOnly() == b.hostOnly() && a.secure() == b.secure()
                    && a.httpOnly() == b.httpOnly() && a.persistent() == b.persistent()
                    && (!a.persistent() || Math.abs(a.expires() - b.expires()) < 60_000);
        }
        if (!same) {
            throw new IllegalStateException("WebKit's cookie store did not give back what was put: " + out + " -> " + back);
        }
    }
}
