package dev.stowage.app;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JVM's one {@link CookieHandler}: forwards every get and put to the WebKit cookie manager of the
 * current {@link ProfileCookies} and tells it when a response or a script set a cookie.
 *
 * <p><b>Why one forwarding handler and not each profile's manager as the default.</b> WebKit reads
 * {@link CookieHandler#getDefault()} per request for {@code document.cookie} ({@code CookieJar}), but its
 * HTTP loader ({@code HTTP2Loader}) builds one static {@code HttpClient} with the handler that is the
 * default when the loader class initialises, at the first page load, and keeps it for the life of the
 * JVM. A handler installed later would see scripts' cookies but not the servers'. So the default is set
 * once, to this object, and a later install (a test simulating a restart) re-points it.
 *
 * <p><b>Threading.</b> {@link #get} and {@link #put} run on WebKit's network threads and, for
 * {@code document.cookie}, on the FX thread; the target is one volatile reference and the manager locks
 * itself. {@link #bind} is synchronised.
 */
final class ProfileCookieHandler extends CookieHandler {
    /** Where requests go: a WebKit manager, and whom to tell that a cookie may have changed. */
    record Target(CookieHandler manager, Runnable changed) {
        Target {
            Objects.requireNonNull(manager, "manager");
            Objects.requireNonNull(changed, "changed");
        }
    }

    private static final ProfileCookieHandler INSTANCE = new ProfileCookieHandler();

    private volatile Target target;

    private ProfileCookieHandler() {
    }

    /**
     * Sends the JVM's cookies to {@code next} from now on, making this handler the default if it is not.
     *
     * @return the handler that was the default before, if it was not this one (null if none); a foreign one
     *         means some engine may already hold on to it
     */
    static synchronized CookieHandler bind(Target next) {
        INSTANCE.target = Objects.requireNonNull(next, "next");
        CookieHandler before = CookieHandler.getDefault();
        if (before == INSTANCE) {
            return null;
        }
        CookieHandler.setDefault(INSTANCE);
        return before;
    }

    /** Where the JVM's cookies go now; null before the first {@link #bind}. */
    static Target current() {
        return INSTANCE.target;
    }

    /** Whether {@code t} is still where the JVM's cookies go. */
    static boolean isBound(Target t) {
        return INSTANCE.target == t;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return target.manager().get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        Target t = target;
        t.manager().put(uri, responseHeaders);
        // Every response passes here; only one that sets a cookie can change the store. The header's case
        // varies by loader (HttpClient lower-cases it).
        for (String header : responseHeaders.keySet()) {
            if (header != null && (header.equalsIgnoreCase("Set-Cookie") || header.equalsIgnoreCase("Set-Cookie2"))) {
                t.changed().run();
                return;
            }
        }
    }
}
