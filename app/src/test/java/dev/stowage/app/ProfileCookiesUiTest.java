package dev.stowage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stowage.app.testing.Fx;
import dev.stowage.app.testing.KitTestBase;
import dev.stowage.session.cookies.CookieFile;
import dev.stowage.session.cookies.CookieSaver;
import dev.stowage.session.cookies.StoredCookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cookies belong to the profile and the session, checked in real pages over HTTP: what a server and a page
 * set comes back after a restart (a fresh install over the same profile, as the next run's
 * {@code StowageApp.init()} does), persistent cookies always, session cookies only with a restored session,
 * HttpOnly cookies sent to the server but never shown to {@code document.cookie}; and a private run writes
 * nothing.
 */
class ProfileCookiesUiTest extends KitTestBase {
    private static final String MARKER = "PRIVATE-COOKIE-MARKER-7f3a";
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private ProfileCookies cookies;

    @TempDir
    Path profile;

    @BeforeAll
    static void pages() {
        server.page("/set", "<!doctype html><title>set</title><script>"
                + "document.cookie = 'jsPersist=j1; max-age=3600; path=/';"
                + "document.cookie = 'jsSess=j2; path=/';"
                // Neither may land: a script cannot overwrite an HttpOnly cookie nor set one.
                + "document.cookie = 'hid=evil; path=/';"
                + "document.cookie = 'jsHttpOnly=x; path=/; HttpOnly';"
                + "</script>", Map.of("Set-Cookie", List.of(
                        "persist=p1; Max-Age=3600; Path=/",
                        "sess=s1; Path=/",
                        "hid=h1; HttpOnly; Max-Age=3600; Path=/",
                        "hidSess=h2; HttpOnly; Path=/",
                        "other=o1; Max-Age=3600; Path=/elsewhere")));
        server.page("/check", "<!doctype html><title>check</title>", Map.of());
        server.page("/elsewhere/check", "<!doctype html><title>elsewhere</title>", Map.of());
        server.page("/delete", "<!doctype html><title>delete</title><script>"
                + "document.cookie = 'jsPersist=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';"
                + "</script>", Map.of("Set-Cookie", List.of("persist=; Max-Age=0; Path=/")));
        server.page("/private", "<!doctype html><title>private</title><script>"
                + "document.cookie = 'jsMarker=" + MARKER + "-js; max-age=3600; path=/';"
                + "</script>", Map.of("Set-Cookie", List.of("marker=" + MARKER + "; Max-Age=3600; Path=/",
                        "sessMarker=" + MARKER + "; Path=/")));
    }

    @AfterEach
    void quit() throws Exception {
        if (cookies != null) {
            cookies.saveNow().get(10, TimeUnit.SECONDS);
            cookies.close();
        }
    }

    @AfterAll
    static void backToMemoryOnly() {
        // Leave the JVM as the test kit set it up, so later test classes write no cookie file.
        ProfileCookies.install(Path.of(System.getProperty("java.io.tmpdir"), "stowage-test-private"), true, false, m -> { });
    }

    @Test
    void persistentCookiesSurviveARestartAndSessionCookiesOnlyARestoredSession() throws Exception {
        start(false, true);
        load("/set");
        assertEquals(Set.of("persist=p1", "sess=s1", "jsPersist=j1", "jsSess=j2"), documentCookies("/check?run=1"));
        assertEquals(Set.of("persist=p1", "sess=s1", "hid=h1", "hidSess=h2", "jsPersist=j1", "jsSess=j2"),
                serverSaw("/check?run=1"));
        restart(true);

        // A restored session: everything, HttpOnly ones to the server only, and no path mixes.
        assertEquals(Set.of("persist=p1", "sess=s1", "jsPersist=j1", "jsSess=j2"), documentCookies("/check?run=2"));
        assertEquals(Set.of("persist=p1", "sess=s1", "hid=h1", "hidSess=h2", "jsPersist=j1", "jsSess=j2"),
                serverSaw("/check?run=2"));
        assertEquals(Set.of("persist=p1", "sess=s1", "jsPersist=j1", "jsSess=j2", "other=o1"),
                documentCookies("/elsewhere/check?run=2"), "a cookie of another path came back with its path");
        String saved = Files.readString(profile.resolve(CookieFile.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(saved.contains("evil") || saved.contains("jsHttpOnly"), "what WebKit refused is not saved: " + saved);
        assertTrue(cookies.cookies().stream().filter(c -> c.name().equals("hid")).allMatch(StoredCookie::httpOnly));
        restart(false);

        // A fresh session: persistent cookies only.
        assertEquals(Set.of("persist=p1", "jsPersist=j1"), documentCookies("/check?run=3"));
        assertEquals(Set.of("persist=p1", "hid=h1", "jsPersist=j1"), serverSaw("/check?run=3"));
        load("/delete"); // an expired cookie, from the server and from a script, deletes
        assertEquals(Set.of("hid=h1"), serverSaw("/check?run=3b"));
        restart(true);

        // Deleted stays deleted, and the session cookies the fresh session dropped do not come back.
        assertEquals(Set.of(), documentCookies("/check?run=4"));
        assertEquals(Set.of("hid=h1"), serverSaw("/check?run=4"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void cookieChangesAreSavedInTheBackgroundWithoutAQuit() throws Exception {
        start(false, false);
        load("/set");
        Path file = profile.resolve(CookieFile.FILE_NAME);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && restorableNames(file).size() < 7) {
            Thread.sleep(50);
        }
        assertEquals(new TreeSet<>(List.of("persist", "sess", "hid", "hidSess", "other", "jsPersist", "jsSess")),
                restorableNames(file), "saved about a second after the change, no saveNow needed");
    }

    @Test
    void aPrivateRunStartsEmptyAndWritesNothing() throws Exception {
        Path privateProfile = profile.resolve("private-profile");
        Files.createDirectories(privateProfile);
        // A normal run's cookie in the same profile must not leak into the private run.
        new CookieFile(privateProfile.resolve(CookieFile.FILE_NAME), Clock.systemUTC()).save(List.of(new StoredCookie(
                "normal", "n1", "127.0.0.1", "/", true, false, false, System.currentTimeMillis() + 3_600_000L, 0)));
        byte[] before = Files.readAllBytes(privateProfile.resolve(CookieFile.FILE_NAME));

        cookies = ProfileCookies.install(privateProfile, true, true, warnings::add);
        assertTrue(cookies.isCurrent());
        load("/private");
        // Cookies work while the private run lasts.
        assertEquals(Set.of("marker=" + MARKER, "sessMarker=" + MARKER, "jsMarker=" + MARKER + "-js"),
                documentCookies("/check?private=1"));
        assertEquals(Set.of("marker=" + MARKER, "sessMarker=" + MARKER, "jsMarker=" + MARKER + "-js"),
                serverSaw("/check?private=1"));
        cookies.saveNow().get(10, TimeUnit.SECONDS);
        Thread.sleep(CookieSaver.CAP.toMillis() + 500); // a background save would have happened by now
        cookies.close();
        cookies = null;

        assertEquals(List.of(CookieFile.FILE_NAME), namesUnder(privateProfile), "no file added");
        assertTrue(Arrays.equals(before, Files.readAllBytes(privateProfile.resolve(CookieFile.FILE_NAME))), "untouched");
        try (Stream<Path> all = Files.walk(profile)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(MARKER), p.toString());
            }
        }
        assertEquals(List.of(), warnings);
    }

    // ---- helpers ----

    private void start(boolean privateRun, boolean restoreSessionCookies) {
        cookies = ProfileCookies.install(profile, privateRun, restoreSessionCookies, warnings::add);
        assertTrue(cookies.isCurrent());
        assertEquals(privateRun ? null : profile.resolve(CookieFile.FILE_NAME), cookies.file());
    }

    /** Quits as the app will (saveNow, close) and starts again over the same profile. */
    private void restart(boolean restoreSessionCookies) throws Exception {
        cookies.saveNow().get(10, TimeUnit.SECONDS);
        cookies.close();
        start(false, restoreSessionCookies);
    }

    /** Loads {@code pathAndQuery} from the test server in a fresh engine, waits for it, and returns the engine. */
    private static WebEngine load(String pathAndQuery) {
        WebEngine engine = Fx.call(() -> {
            WebEngine e = new WebEngine();
            e.load(server.url(pathAndQuery));
            return e;
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Worker.State state = Fx.call(() -> engine.getLoadWorker().getState());
            if (state == Worker.State.SUCCEEDED) {
                return engine;
            }
            if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                fail("loading " + pathAndQuery + " ended " + state);
            }
            sleep(10);
        }
        throw new AssertionError("timed out loading " + pathAndQuery);
    }

    /** What {@code document.cookie} shows in a page loaded from {@code pathAndQuery}. */
    private static Set<String> documentCookies(String pathAndQuery) {
        WebEngine engine = load(pathAndQuery);
        return split(Fx.call(() -> (String) engine.executeScript("document.cookie")));
    }

    /** The cookies the server got with a request for {@code pathAndQuery}, loading it now. */
    private static Set<String> serverSaw(String pathAndQuery) {
        if (server.cookies(pathAndQuery).isEmpty()) {
            load(pathAndQuery);
        }
        return split(server.cookies(pathAndQuery).get(0));
    }

    private static Set<String> split(String header) {
        return Arrays.stream(header.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> restorableNames(Path file) {
        if (!Files.exists(file)) {
            return Set.of();
        }
        return new CookieFile(file, Clock.systemUTC()).load().restorable(System.currentTimeMillis(), true).stream()
                .map(StoredCookie::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> namesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
