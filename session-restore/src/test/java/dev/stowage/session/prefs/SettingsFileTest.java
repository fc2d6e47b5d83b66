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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: a round trip with its backup, an unknown policy as damage, a newer format refused. */
class SettingsFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SettingsFile file() {
        return new SettingsFile(dir.resolve(SettingsFile.FILE_NAME), CLOCK);
    }

    @Test
    void theClonePolicyRoundTripsAndAnAbsentFileMeansNoChoice() throws IOException {
        assertEquals(Optional.empty(), file().load().settings().clonePolicy());
        file().save(new SettingsFile.Settings(Optional.of("standard")));
        file().save(new SettingsFile.Settings(Optional.of("never")));
        SettingsFile.Loaded loaded = file().load();
        assertEquals(Optional.of("never"), loaded.settings().clonePolicy());
        assertEquals(0, loaded.notices().size());
        assertTrue(Files.exists(dir.resolve(SettingsFile.FILE_NAME + ".bak")), "the previous file is kept");
    }

    @Test
    void anUnknownPolicyIsDamageMovedAsideAndTheBackupRead() throws IOException {
        file().save(new SettingsFile.Settings(Optional.of("standard")));
        file().save(new SettingsFile.Settings(Optional.of("never")));
        Files.writeString(dir.resolve(SettingsFile.FILE_NAME), "{\"format\": 1, \"clonePolicy\": \"sometimes\"}",
                StandardCharsets.UTF_8);
        SettingsFile.Loaded loaded = file().load();
        assertEquals(Optional.of("standard"), loaded.settings().clonePolicy(), "the backup's choice");
        assertEquals(1, loaded.notices().size(), loaded.notices().toString());
        assertThrows(IllegalArgumentException.class, () -> new SettingsFile.Settings(Optional.of("sometimes")));
    }

    @Test
    void aNewerFormatIsRefusedAndNotSavedOver() throws IOException {
        String newer = "{\"format\": 2, \"clonePolicy\": \"links\", \"theme\": \"dark\"}";
        Files.writeString(dir.resolve(SettingsFile.FILE_NAME), newer, StandardCharsets.UTF_8);
        SettingsFile file = file();
        SettingsFile.Loaded loaded = file.load();
        assertEquals(Optional.empty(), loaded.settings().clonePolicy());
        assertEquals(1, loaded.notices().size());
        assertThrows(IllegalStateException.class, () -> file.save(new SettingsFile.Settings(Optional.of("never"))));
        assertEquals(newer, Files.readString(dir.resolve(SettingsFile.FILE_NAME)));
    }
}
