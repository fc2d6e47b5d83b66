package dev.stowage.session.cookies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cookie file: its codec, what a start puts back, and every way of reading it (current, backup, corrupt, newer). */
class CookieFileTest {
    private static final Instant NOW = Instant.parse("2026-11-30T18:45:01Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long NOW_MS = NOW.toEpochMilli();

    @TempDir
    Path dir;

    private Path path() {
        return dir.resolve(CookieFile.FILE_NAME);
    }

    private static StoredCookie persistent(String name, long expires) {
        return new StoredCookie(name, "v-" + name, "a.example", "/", true, false, false, expires, NOW_MS - 1000);
    }

    private static StoredCookie session(String name) {
        return new StoredCookie(name, "v-" + name, "a.example", "/", true, false, false, null, NOW_MS - 1000);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyAttributeRoundTripsInOrder() throws IOException {
        List<StoredCookie> cookies = List.of(
                new StoredCookie("sid", "\"quoted; value\"", "a.example", "/app", false, true, true,
                        NOW_MS + 3_600_250L, NOW_MS - 5),
                new StoredCookie("", "nameless", "127.0.0.1", "/", true, false, false, null, NOW_MS),
                new StoredCookie("far", "future", "b.example", "/x/y", true, false, false, Long.MAX_VALUE, 0),
                new StoredCookie("ünï", "☃ value", "c.example", "/", true, false, true, NOW_MS + 1, NOW_MS));
        CookieFile file = new CookieFile(path(), CLOCK);
        file.save(cookies);
        CookieFile.Loaded loaded = new CookieFile(path(), CLOCK).load();
        assertEquals(cookies, loaded.cookies());
        assertEquals(path().toAbsolutePath(), loaded.from().orElseThrow());
        assertTrue(loaded.notices().isEmpty());
        assertEquals(cookies, CookieCodec.decode(CookieCodec.encode(cookies)));
    }

    @Test
    void theFileIsReadableJsonInAVersionEnvelope() throws IOException {
        new CookieFile(path(), CLOCK).save(List.of(persistent("p", NOW_MS + 60_000), session("s")));
        var root = new ObjectMapper().readTree(path().toFile());
        assertEquals(1, root.get("format").intValue());
        assertEquals("2026-11-30T18:46:01Z", root.get("cookies").get(0).get("expires").textValue());
        assertEquals("2026-11-30T18:45:00Z", root.get("cookies").get(0).get("created").textValue());
        assertFalse(root.get("cookies").get(1).has("expires"), "a session cookie has no expiry");
    }

    @Test
    void expiredCookiesAreDroppedAtLoadAndSessionCookiesFollowTheFlag() throws IOException {
        StoredCookie live = persistent("live", NOW_MS + 1);
        StoredCookie dead = persistent("dead", NOW_MS);
        StoredCookie longDead = persistent("longDead", NOW_MS - 86_400_000L);
        StoredCookie sess = session("sess");
        new CookieFile(path(), CLOCK).save(List.of(live, dead, sess, longDead));
        CookieFile.Loaded loaded = new CookieFile(path(), CLOCK).load();
        assertEquals(4, loaded.cookies().size(), "the file keeps what was saved");
        assertEquals(List.of(live, sess), loaded.restorable(NOW_MS, true), "a restored session gets its session cookies");
        assertEquals(List.of(live), loaded.restorable(NOW_MS, false), "a fresh session does not");
    }

    @Test
    void aCorruptFileIsMovedAsideAndTheBackupServes() throws IOException {
        CookieFile file = new CookieFile(path(), CLOCK);
        file.save(List.of(persistent("older", NOW_MS + 60_000)));
        file.save(List.of(persistent("newer", NOW_MS + 60_000)));
        byte[] whole = Files.readAllBytes(path());
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        Files.write(path(), half);
        CookieFile.Loaded loaded = new CookieFile(path(), CLOCK).load();
        assertEquals(List.of(persistent("older", NOW_MS + 60_000)), loaded.cookies());
        assertEquals(dir.resolve("cookies.json.bak").toAbsolutePath(), loaded.from().orElseThrow());
        assertEquals(1, loaded.notices().size());
        assertTrue(loaded.notices().get(0).contains("cookies.json.corrupt-20261130T184501Z"), loaded.notices().get(0));
        assertEquals(List.of("cookies.json.bak", "cookies.json.corrupt-20261130T184501Z"), files());
        assertArrayEquals(half, Files.readAllBytes(dir.resolve("cookies.json.corrupt-20261130T184501Z")), "kept as it was");
    }

    @Test
    void aWellFormedEnvelopeWithBadCookiesIsCorruptToo() throws IOException {
        Files.writeString(path(), "{\"format\": 1, \"cookies\": [{\"name\": \"a\", \"value\": 1}]}");
        Files.writeString(dir.resolve("cookies.json.bak"), "{\"format\": 1}");
        CookieFile.Loaded loaded = new CookieFile(path(), CLOCK).load();
        assertTrue(loaded.cookies().isEmpty());
        assertTrue(loaded.from().isEmpty());
        assertEquals(2, loaded.notices().size(), loaded.notices().toString());
        assertEquals(List.of("cookies.json.bak.corrupt-20261130T184501Z", "cookies.json.corrupt-20261130T184501Z"), files(),
                "nothing deleted, both moved aside");
        assertFalse(loaded.refused());
    }

    @Test
    void aNewerFormatIsRefusedLeftUntouchedAndNeverSavedOver() throws IOException {
        String newer = "{\"format\": 2, \"cookies\": {\"whatever\": \"a newer build wrote\"}}";
        Files.writeString(path(), newer);
        Files.writeString(dir.resolve("cookies.json.bak"), "{\"format\": 1, \"cookies\": []}");
        CookieFile file = new CookieFile(path(), CLOCK);
        CookieFile.Loaded loaded = file.load();
        assertTrue(loaded.refused());
        assertTrue(file.refused());
        assertTrue(loaded.cookies().isEmpty(), "nothing else is read, not even the backup");
        assertTrue(loaded.notices().get(0).contains("newer Stowage (format 2"), loaded.notices().get(0));
        assertThrows(IllegalStateException.class, () -> file.save(List.of(session("s"))));
        assertThrows(IllegalArgumentException.class, () -> new CookieSaver(file, List::of, m -> { }));
        assertEquals(newer, Files.readString(path(), StandardCharsets.UTF_8));
        assertEquals(List.of("cookies.json", "cookies.json.bak"), files());
    }

    @Test
    void aSaveProducesTheGoldenFormatAndItReadsBack() throws IOException {
        List<StoredCookie> cookies = List.of(
                new StoredCookie("sid", "\"abc; def\"", "www.shop.example", "/cart", true, true, true,
                        Instant.parse("2026-12-01T10:00:00.250Z").toEpochMilli(),
                        Instant.parse("2026-11-30T18:45:00Z").toEpochMilli()),
                new StoredCookie("pref", "dark", "shop.example", "/", false, false, false, null,
                        Instant.parse("2026-11-30T18:45:00.001Z").toEpochMilli()));
        new CookieFile(path(), CLOCK).save(cookies);
        ObjectMapper json = new ObjectMapper();
        byte[] golden;
        try (var in = CookieFileTest.class.getResourceAsStream("golden-cookies-format-1.json")) {
            golden = in.readAllBytes();
        }
        assertEquals(json.readTree(golden), json.readTree(Files.readAllBytes(path())));
        Files.write(path(), golden);
        assertEquals(cookies, new CookieFile(path(), CLOCK).load().cookies(), "and a file in the golden format reads back");
    }

    @Test
    void noFileMeansNoCookies() {
        CookieFile.Loaded loaded = new CookieFile(path(), CLOCK).load();
        assertTrue(loaded.cookies().isEmpty());
        assertTrue(loaded.notices().isEmpty());
        assertFalse(loaded.refused());
    }
}
