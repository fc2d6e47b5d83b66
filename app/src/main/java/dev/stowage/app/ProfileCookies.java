package dev.stowage.app;

import dev.stowage.session.cookies.CookieFile;
import dev.stowage.session.cookies.CookieSaver;
import dev.stowage.session.cookies.StoredCookie;
import java.net.CookieHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The cookies of one run, kept with the profile: WebKit's own cookie manager as the JVM's cookie handler
 * ({@link ProfileCookieHandler}), filled at start from {@code PROFILE/cookies.json} ({@link CookieFile}) and
 * saved there in the background about a second after a cookie changes ({@link CookieSaver}).
 *
 * <ul>
 *   <li>Persistent cookies (Expires, Max-Age) come back at every start with the same profile, unless expired.</li>
 *   <li>Session cookies come back only when the session is restored ({@code restoreSessionCookies}), as in
 *       Chrome and Firefox; they are always saved, and the next start decides.</li>
 *   <li>A private run ({@code privateRun}) starts with no cookies and keeps them in memory only: it neither
 *       reads nor writes anything under the profile.</li>
 * </ul>
 *
 * <p><b>When.</b> {@link #install} must run before the first WebView loads a page (the app calls it from
 * {@code Application.init()}): WebKit's HTTP client holds on to whichever handler is the default at its
 * first load.
 *
 * <p><b>Threading.</b> {@link #install} does blocking I/O: call it off the FX thread. {@link #saveNow()} may
 * be called on any thread, the FX thread included (it never waits). {@link #close()} may block briefly for
 * a save in flight.
 *
 * <p><b>Errors.</b> Nothing here stops the app: a bad file is moved aside, a newer format's file is left alone
 * and the run keeps its cookies in memory, a JavaFX whose cookie store cannot be read runs with cookies in
 * memory; each is said once through {@code warn} (which may be called on any thread, later ones on the
 * saver's thread when a save fails).
 */
public final class ProfileCookies implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProfileCookies.class.getName());

    private final ProfileCookieHandler.Target target;
    private final CookieSaver saver; // null: nothing is written (private, refused, unreadable store)
    private final Path file;

    private ProfileCookies(ProfileCookieHandler.Target target, CookieSaver saver, Path file) {
        this.target = target;
        this.saver = saver;
        this.file = file;
    }

    /**
     * Loads the profile's cookies and makes them the JVM's: from now on every WebView's requests and
     * {@code document.cookie} use them, and changes are saved to {@code PROFILE/cookies.json}.
     *
     * @param profileDir            the profile folder ({@code --profile}); not created until a cookie is saved
     * @param privateRun            {@code --private}: start empty, never read or write the profile
     * @param restoreSessionCookies whether this start restores the previous session, so its session cookies too
     * @param warn                  told what the user should know (files moved aside or refused, saves that failed)
     */
    public static ProfileCookies install(Path profileDir, boolean privateRun, boolean restoreSessionCookies,
                                         Consumer<String> warn) {
        Objects.requireNonNull(profileDir, "profileDir");
        Objects.requireNonNull(warn, "warn");
        CookieHandler manager = WebKitCookies.newManager();
        if (privateRun) {
            return bind(new ProfileCookies(new ProfileCookieHandler.Target(manager, () -> { }), null, null), warn);
        }
        Path path = profileDir.resolve(CookieFile.FILE_NAME);
        WebKitCookies webkit;
        try {
            webkit = new WebKitCookies();
            webkit.selfCheck();
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.ERROR, "cookies cannot be kept", e);
            warn.accept("Stowage cannot keep cookies with this JavaFX; this run keeps them in memory only. "
                    + e.getMessage());
            return bind(new ProfileCookies(new ProfileCookieHandler.Target(manager, () -> { }), null, null), warn);
        }
        Clock clock = Clock.systemUTC();
        CookieFile cookieFile = new CookieFile(path, clock);
        CookieFile.Loaded loaded = cookieFile.load();
        loaded.notices().forEach(warn);
        long now = clock.millis();
        webkit.restore(manager, loaded.restorable(now, restoreSessionCookies), now);
        if (loaded.refused()) {
            return bind(new ProfileCookies(new ProfileCookieHandler.Target(manager, () -> { }), null, null), warn);
        }
        CookieSaver saver = new CookieSaver(cookieFile, () -> webkit.snapshot(manager, clock.millis()), warn);
        return bind(new ProfileCookies(new ProfileCookieHandler.Target(manager, saver::changed), saver, path), warn);
    }

    private static ProfileCookies bind(ProfileCookies cookies, Consumer<String> warn) {
        CookieHandler before = ProfileCookieHandler.bind(cookies.target);
        if (before != null) {
            // An engine that loaded a page before now may keep sending its requests' cookies there.
            warn.accept("Cookies were installed after WebKit had set up its own (" + before.getClass().getName()
                    + "); cookies of pages loaded before may not be kept.");
        }
        return cookies;
    }

    /**
     * Saves the cookies as they are now: the quit path. Any thread; never blocks. A private run (and one
     * that keeps cookies in memory only) has nothing to save and gets a completed future.
     *
     * @return completes once the file is on the disk; exceptionally if the save failed (also told to {@code warn})
     */
    public CompletableFuture<Void> saveNow() {
        return saver == null ? CompletableFuture.completedFuture(null) : saver.saveNow();
    }

    /**
     * Stops saving: changes after this are not written (call {@link #saveNow()} first and wait for it). The
     * JVM's cookie handler keeps serving these cookies in memory, so pages still unloading keep working.
     */
    @Override
    public void close() {
        if (saver != null) {
            saver.close();
        }
    }

    /**
     * Removes the JVM's cookies that would be sent to {@code host} (every cookie when {@code host} is null)
     * the way a server removes one, and has the profile's file follow. Any thread.
     *
     * @return how many were removed
     */
    public static int clear(String host) {
        ProfileCookieHandler.Target target = ProfileCookieHandler.current();
        if (target == null) {
            return 0;
        }
        String lower = host == null ? null : host.toLowerCase(java.util.Locale.ROOT);
        int removed = new WebKitCookies().remove(target.manager(), c -> lower == null || c.domain().equals(lower)
                || (!c.hostOnly() && lower.endsWith("." + c.domain())), System.currentTimeMillis());
        if (removed > 0) {
            target.changed().run();
        }
        return removed;
    }

    /** The file cookies are saved to, or null when nothing is written (private, or kept in memory only). */
    Path file() {
        return file;
    }

    /** Whether the JVM's cookies still go to this instance (a later install takes them over). */
    boolean isCurrent() {
        return ProfileCookieHandler.isBound(target);
    }

    /** The cookies held now, oldest first, for tests. */
    List<StoredCookie> cookies() {
        return new WebKitCookies().snapshot(target.manager(), System.currentTimeMillis());
    }
}
