package dev.stowage.session.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zoom-per-site file: a round trip, the backup, and a damaged, out-of-range or newer file. */
class SiteZoomFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T04:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path path() {
        return dir.resolve(SiteZoomFile.FILE_NAME);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void zoomsRoundTripInOrderAndThePreviousFileIsKept() throws IOException {
        Map<String, Double> zooms = new LinkedHashMap<>();
        zooms.put("https://example.com", 1.25);
        zooms.put("http://127.0.0.1", 0.67);
        SiteZoomFile file = new SiteZoomFile(path(), CLOCK);
        file.save(Map.of("https://old.example", 2.0));
        file.save(zooms);
        SiteZoomFile.Loaded loaded = new SiteZoomFile(path(), CLOCK).load();
        assertEquals(zooms, loaded.zooms());
        assertEquals(List.of(), loaded.notices());
        assertEquals(List.of(SiteZoomFile.FILE_NAME, SiteZoomFile.FILE_NAME + ".bak"), files());
    }

    @Test
    void aDamagedFileIsMovedAsideAndTheBackupRead() throws IOException {
        SiteZoomFile file = new SiteZoomFile(path(), CLOCK);
        file.save(Map.of("https://a.example", 1.5));
        file.save(Map.of("https://a.example", 2.0));
        Files.writeString(path(), "{\"format\": 1, \"sites\": {\"https://a.example\": 2", StandardCharsets.UTF_8);
        SiteZoomFile.Loaded loaded = new SiteZoomFile(path(), CLOCK).load();
        assertEquals(Map.of("https://a.example", 1.5), loaded.zooms(), "the backup's zoom");
        assertEquals(1, loaded.notices().size());
        assertTrue(files().contains(SiteZoomFile.FILE_NAME + ".corrupt-20261201T043000Z"), files().toString());
    }

    @Test
    void aZoomOutsideTheRangeIsDamageNotAGuess() throws IOException {
        Files.writeString(path(), "{\"format\": 1, \"sites\": {\"https://a.example\": 90}}", StandardCharsets.UTF_8);
        SiteZoomFile.Loaded loaded = new SiteZoomFile(path(), CLOCK).load();
        assertEquals(Map.of(), loaded.zooms());
        assertTrue(loaded.notices().get(0).contains("outside"), loaded.notices().toString());
        assertThrows(IllegalArgumentException.class,
                () -> new SiteZoomFile(dir.resolve("other.json"), CLOCK).save(Map.of("https://a.example", 0.1)));
    }

    @Test
    void aNewerFormatIsLeftAloneAndNeverSavedOver() throws IOException {
        String newer = "{\"format\": 2, \"sites\": {}}";
        Files.writeString(path(), newer, StandardCharsets.UTF_8);
        SiteZoomFile file = new SiteZoomFile(path(), CLOCK);
        SiteZoomFile.Loaded loaded = file.load();
        assertEquals(Map.of(), loaded.zooms());
        assertTrue(loaded.notices().get(0).contains("newer"));
        assertThrows(IllegalStateException.class, () -> file.save(Map.of()));
        assertEquals(newer, Files.readString(path()));
    }
}
