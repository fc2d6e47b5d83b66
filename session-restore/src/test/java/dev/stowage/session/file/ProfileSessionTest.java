package dev.stowage.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.session.SessionSnapshot;
import dev.stowage.session.SessionState;
import dev.stowage.session.TabState;
import dev.stowage.session.TabState.HistoryEntry;
import dev.stowage.session.WindowState;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.Origin;
import dev.stowage.storage.StorageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session model through the files: round trip, what a save rewrites, and a state that does not hold together. */
class ProfileSessionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path profile;

    private static TabState tab(String ns, int position, String... urls) {
        List<HistoryEntry> history = Stream.of(urls).map(u -> new HistoryEntry(u, "t " + u, 0, 40)).toList();
        return new TabState(ns, history, history.size() - 1, "title " + ns, position, "", 1.5);
    }

    private static SessionState state(List<TabState> open, List<TabState> closed) {
        return new SessionState(List.of(new WindowState(open, open.size() - 1, closed,
                new WindowState.Bounds(10, 20, 800, 600))));
    }

    private static NamespaceSnapshot storage(String ns, String value) {
        return NamespaceSnapshot.of(ns, Map.of(StorageKey.firstParty(Origin.of("http://127.0.0.1:8080/")),
                Map.of("k", value)));
    }

    private List<String> storageFiles() throws IOException {
        try (Stream<Path> files = Files.list(profile.resolve("session/storage"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void windowsTabsClosedTabsAndStorageComeBack() throws IOException {
        SessionState saved = state(List.of(tab("a", 0, "http://x/1", "http://x/2"), tab("b", 1, "http://x/3")),
                List.of(tab("c", 1, "http://x/closed")));
        new ProfileSession(profile, CLOCK).save(new SessionSnapshot(saved,
                Map.of("a", storage("a", "A"), "b", storage("b", "B"), "c", storage("c", "C"))));
        ProfileSession.Startup startup = new ProfileSession(profile, CLOCK).load();
        assertEquals(saved, startup.state().orElseThrow());
        assertEquals(List.of("A", "B", "C"), Stream.of("a", "b", "c").map(ns -> startup.namespaces().get(ns).areas()
                .values().iterator().next().items().get("k")).toList());
        assertTrue(startup.notices().isEmpty(), startup.notices().toString());
    }

    @Test
    void aSaveRewritesOnlyTheFreshNamespacesAndKeepsTheOthersFiles() throws IOException {
        ProfileSession files = new ProfileSession(profile, CLOCK);
        SessionState two = state(List.of(tab("a", 0, "http://x/1"), tab("b", 1, "http://x/2")), List.of());
        files.save(new SessionSnapshot(two, Map.of("a", storage("a", "1"), "b", storage("b", "1"))));
        List<String> first = storageFiles();
        files.save(new SessionSnapshot(two, Map.of("a", storage("a", "2"))));
        List<String> second = storageFiles();
        assertTrue(second.stream().anyMatch(f -> f.startsWith("b.") && first.contains(f)), "b's file stays: " + second);
        ProfileSession.Startup startup = new ProfileSession(profile, CLOCK).load();
        assertEquals("2", startup.namespaces().get("a").areas().values().iterator().next().items().get("k"));
        assertEquals("1", startup.namespaces().get("b").areas().values().iterator().next().items().get("k"));
    }

    @Test
    void aStateThatDoesNotHoldTogetherIsMovedAsideAndTheBackupRead() throws IOException {
        ProfileSession files = new ProfileSession(profile, CLOCK);
        SessionState good = state(List.of(tab("a", 0, "http://x/good")), List.of());
        files.save(new SessionSnapshot(good, Map.of("a", storage("a", "kept"))));
        files.save(new SessionSnapshot(good, Map.of()));
        Path current = profile.resolve("session/session.json");
        String broken = Files.readString(current).replace("\"historyIndex\" : 0", "\"historyIndex\" : 7");
        Files.writeString(current, broken, StandardCharsets.UTF_8);

        ProfileSession.Startup startup = new ProfileSession(profile, CLOCK).load();
        assertEquals(good, startup.state().orElseThrow(), "read from the backup");
        assertEquals("kept", startup.namespaces().get("a").areas().values().iterator().next().items().get("k"));
        assertFalse(Files.exists(current));
        assertEquals(broken, Files.readString(profile.resolve("session/session.json.corrupt-20261130T120000Z")));
        assertTrue(startup.notices().get(0).contains("could not be read"), startup.notices().toString());
    }
}
