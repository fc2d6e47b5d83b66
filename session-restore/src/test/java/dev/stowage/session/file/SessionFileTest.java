package dev.stowage.session.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session file's format and every way of reading it back: current, backup, corrupt, newer, golden. */
class SessionFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T18:45:01Z"), ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Path path() {
        return dir.resolve("session").resolve("session.json");
    }

    private JsonNode session(String marker) throws IOException {
        return json.readTree("{\"windows\": [{\"selected\": 0, \"tabs\": [{\"url\": \"http://x/" + marker + "\"}]}]}");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(path().getParent())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSavedSessionComesBackAndThePreviousOneIsKept() throws IOException {
        SessionFile file = new SessionFile(path(), CLOCK);
        assertTrue(file.load().session().isEmpty(), "nothing saved yet");
        file.save(session("one"));
        file.save(session("two"));
        SessionFile.Loaded loaded = new SessionFile(path(), CLOCK).load();
        assertEquals(session("two"), loaded.session().orElseThrow());
        assertEquals(path().toAbsolutePath(), loaded.from().orElseThrow());
        assertEquals(List.of("session.json", "session.json.bak"), files());
        assertEquals(session("one"), json.readTree(Files.readAllBytes(dir.resolve("session/session.json.bak"))).get("session"));
        assertTrue(loaded.notices().isEmpty());
    }

    @Test
    void aCorruptOrTruncatedFileIsMovedAsideAndTheBackupServes() throws IOException {
        SessionFile file = new SessionFile(path(), CLOCK);
        file.save(session("older"));
        file.save(session("newer"));
        byte[] whole = Files.readAllBytes(path());
        Files.write(path(), java.util.Arrays.copyOf(whole, whole.length / 2)); // a crash mid-write of another tool
        SessionFile.Loaded loaded = new SessionFile(path(), CLOCK).load();
        assertEquals(session("older"), loaded.session().orElseThrow());
        assertEquals(1, loaded.notices().size());
        assertTrue(loaded.notices().get(0).contains("session.json.corrupt-20261130T184501Z"), loaded.notices().get(0));
        assertEquals(List.of("session.json.bak", "session.json.corrupt-20261130T184501Z"), files());
        assertArrayEquals(java.util.Arrays.copyOf(whole, whole.length / 2),
                Files.readAllBytes(dir.resolve("session/session.json.corrupt-20261130T184501Z")), "kept as it was");
    }

    @Test
    void whenEveryFileIsBadTheSessionStartsEmptyAndNothingIsDeleted() throws IOException {
        Files.createDirectories(path().getParent());
        Files.writeString(path(), "{\"format\": 1}");
        Files.writeString(dir.resolve("session/session.json.bak"), "");
        Files.writeString(dir.resolve("session/session.json.corrupt-20261130T184501Z"), "an earlier one");
        SessionFile.Loaded loaded = new SessionFile(path(), CLOCK).load();
        assertTrue(loaded.session().isEmpty());
        assertEquals(2, loaded.notices().size());
        assertEquals(List.of("session.json.bak.corrupt-20261130T184501Z", "session.json.corrupt-20261130T184501Z",
                "session.json.corrupt-20261130T184501Z-2"), files());
    }

    @Test
    void aNewerFormatIsRefusedLeftUntouchedAndNeverSavedOver() throws IOException {
        Files.createDirectories(path().getParent());
        byte[] newer = "{\"format\": 2, \"session\": {\"from\": \"the future\"}}".getBytes(StandardCharsets.UTF_8);
        Files.write(path(), newer);
        SessionFile file = new SessionFile(path(), CLOCK);
        SessionFile.Loaded loaded = file.load();
        assertTrue(loaded.refused());
        assertTrue(loaded.session().isEmpty());
        assertTrue(loaded.notices().get(0).contains("newer Stowage (format 2"), loaded.notices().get(0));
        assertThrows(IllegalStateException.class, () -> file.save(session("older build")));
        assertArrayEquals(newer, Files.readAllBytes(path()));
        assertEquals(List.of("session.json"), files());
    }

    @Test
    void aTempFileLeftByACrashIsIgnoredAndReplaced() throws IOException {
        SessionFile file = new SessionFile(path(), CLOCK);
        file.save(session("good"));
        Files.writeString(dir.resolve("session/session.json.tmp"), "{\"format\": 1, \"sess");
        assertEquals(session("good"), new SessionFile(path(), CLOCK).load().session().orElseThrow());
        file.save(session("next"));
        assertFalse(Files.exists(dir.resolve("session/session.json.tmp")));
        assertEquals(session("next"), new SessionFile(path(), CLOCK).load().session().orElseThrow());
    }

    @Test
    void theFormatMatchesTheGoldenFile() throws IOException {
        JsonNode session = json.readTree("{\"windows\": [{\"selected\": 0, \"tabs\": [{\"url\":"
                + " \"http://127.0.0.1:8080/a\", \"title\": \"A \\ud800 \\\"quoted\\\"\"}]}]}");
        new SessionFile(path(), CLOCK).save(session);
        String golden;
        try (InputStream in = SessionFileTest.class.getResourceAsStream("golden-format-1.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(json.readTree(golden), json.readTree(Files.readAllBytes(path())));
        assertEquals(session, new SessionFile(path(), CLOCK).load().session().orElseThrow(),
                "and a file in the golden format reads back");
    }
}
