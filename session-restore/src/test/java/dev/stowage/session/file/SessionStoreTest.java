package dev.stowage.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.Origin;
import dev.stowage.storage.Site;
import dev.stowage.storage.StorageKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows and tabs in the session file, each namespace's storage in a file of its own. */
class SessionStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T19:20:00Z"), ZoneOffset.UTC);
    private static final StorageKey A = StorageKey.firstParty(Origin.of("https://a.example"));
    private static final StorageKey TRACKER_UNDER_A = new StorageKey(Origin.of("https://tracker.example"),
            Site.of(Origin.of("https://a.example")));
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private static NamespaceSnapshot namespace(String id, String value) {
        Map<StorageKey, Map<String, String>> contents = new LinkedHashMap<>();
        Map<String, String> items = new LinkedHashMap<>();
        items.put("z", value);
        items.put("a", "second in order \uD800");
        contents.put(A, items);
        contents.put(TRACKER_UNDER_A, Map.of("t", "partitioned"));
        return NamespaceSnapshot.of(id, contents);
    }

    private static Map<String, NamespaceSnapshot> both(String valueOfOne) {
        Map<String, NamespaceSnapshot> map = new LinkedHashMap<>();
        map.put("one", namespace("one", valueOfOne));
        map.put("two", namespace("two", "2"));
        return map;
    }

    private List<String> storageFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("storage"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private JsonNode state(String marker) throws IOException {
        return json.readTree("{\"windows\": [{\"tabs\": [{\"namespace\": \"one\", \"title\": \"" + marker + "\"}]}]}");
    }

    @Test
    void stateAndEveryNamespaceComeBackWithItemsInOrderAndPartitions() throws IOException {
        new SessionStore(dir, CLOCK).save(state("saved"), both("1"), Set.of("one", "two"));
        SessionStore.Loaded loaded = new SessionStore(dir, CLOCK).load();
        assertEquals(state("saved"), loaded.state().orElseThrow());
        assertEquals(Set.of("one", "two"), loaded.namespaces().keySet());
        NamespaceSnapshot one = loaded.namespaces().get("one");
        assertEquals(List.of("z", "a"), List.copyOf(one.areas().get(A).items().keySet()));
        assertEquals("second in order \uD800", one.areas().get(A).get("a"));
        assertEquals("partitioned", one.areas().get(TRACKER_UNDER_A).get("t"));
        assertTrue(loaded.notices().isEmpty());
    }

    @Test
    void aSaveRewritesOnlyTheNamespacesThatChangedAndKeepsWhatTheBackupNames() throws IOException {
        SessionStore store = new SessionStore(dir, CLOCK);
        store.save(state("1"), both("v1"), Set.of("one", "two"));
        List<String> first = storageFiles();
        String two = first.stream().filter(n -> n.startsWith("two.")).findFirst().orElseThrow();
        long twoModified = Files.getLastModifiedTime(dir.resolve("storage").resolve(two)).toMillis();

        store.save(state("2"), both("v2"), Set.of("one"));
        List<String> second = storageFiles();
        assertEquals(3, second.size(), "a new file for one; two kept; one's old file kept for the backup: " + second);
        assertTrue(second.contains(two));
        assertEquals(twoModified, Files.getLastModifiedTime(dir.resolve("storage").resolve(two)).toMillis(),
                "an unchanged namespace is not rewritten");

        store.save(state("3"), both("v3"), Set.of("one"));
        List<String> third = storageFiles();
        assertEquals(3, third.size(), "the generation neither file names is gone: " + third);
        assertTrue(first.stream().filter(n -> n.startsWith("one.")).noneMatch(third::contains));

        // The backup still reads whole: its session names files that are all still there.
        Files.move(dir.resolve("session.json"), dir.resolve("session.json.lost"));
        SessionStore.Loaded fromBackup = new SessionStore(dir, CLOCK).load();
        assertEquals(state("2"), fromBackup.state().orElseThrow());
        assertEquals("v2", fromBackup.namespaces().get("one").areas().get(A).get("z"));
    }

    @Test
    void theSessionARunStartedFromIsKeptThroughItsSavesAndReadLast() throws IOException {
        SessionStore firstRun = new SessionStore(dir, CLOCK);
        firstRun.save(state("first run"), both("from the first run"), Set.of("one", "two"));

        SessionStore secondRun = new SessionStore(dir, CLOCK);
        assertEquals(state("first run"), secondRun.load().state().orElseThrow());
        for (int i = 1; i <= 3; i++) {
            secondRun.save(state("second run " + i), both("second " + i), Set.of("one"));
        }
        assertTrue(Files.isRegularFile(dir.resolve("previous.json")));
        assertTrue(Files.notExists(dir.resolve("previous.json.bak")), "a copy kept aside has no backup of its own");

        // The session and its backup are both the second run's; the first run's is still whole.
        Files.move(dir.resolve("session.json"), dir.resolve("session.json.lost"));
        Files.move(dir.resolve("session.json.bak"), dir.resolve("session.json.bak.lost"));
        SessionStore.Loaded previous = new SessionStore(dir, CLOCK).load();
        assertEquals(state("first run"), previous.state().orElseThrow());
        assertEquals("from the first run", previous.namespaces().get("one").areas().get(A).get("z"));
        assertTrue(previous.notices().isEmpty(), previous.notices().toString());
    }

    @Test
    void theRunBeforeTheLastIsForgottenStorageAndAll() throws IOException {
        new SessionStore(dir, CLOCK).save(state("first run"), both("first"), Set.of("one", "two"));
        SessionStore second = new SessionStore(dir, CLOCK);
        second.load();
        second.save(state("second run"), both("second"), Set.of("one", "two"));
        SessionStore third = new SessionStore(dir, CLOCK);
        third.load();
        third.save(state("third run"), both("third"), Set.of("one", "two"));
        third.save(state("third run, again"), both("third again"), Set.of("one", "two"));

        assertEquals(state("second run"), json.readTree(Files.readAllBytes(dir.resolve("previous.json"))).get("session").get("state"));
        assertEquals(6, storageFiles().size(), "the previous run's, the backup's and the current generation: " + storageFiles());
    }

    @Test
    void aNamespaceKeptForAClosedTabIsSavedLikeAnyOther() throws IOException {
        // Chromium's edge case: created, kept (persisted) when its tab closed; a closed-tab entry still
        // names it, so the app passes it to every save and it must survive them.
        SessionStore store = new SessionStore(dir, CLOCK);
        store.save(state("open"), both("1"), Set.of("one", "two"));
        store.save(state("two closed, kept"), both("1"), Set.of());
        store.save(state("again"), both("1"), Set.of());
        assertEquals(Set.of("one", "two"), new SessionStore(dir, CLOCK).load().namespaces().keySet());
        Map<String, NamespaceSnapshot> onlyOne = Map.of("one", namespace("one", "1"));
        store.save(state("two's entry evicted"), onlyOne, Set.of());
        store.save(state("and once more"), onlyOne, Set.of());
        assertTrue(storageFiles().stream().noneMatch(n -> n.startsWith("two.")), "scavenged: " + storageFiles());
    }

    @Test
    void aCorruptStorageFileIsMovedAsideAndOnlyThatTabStartsEmpty() throws IOException {
        new SessionStore(dir, CLOCK).save(state("s"), both("1"), Set.of("one", "two"));
        String two = storageFiles().stream().filter(n -> n.startsWith("two.")).findFirst().orElseThrow();
        Files.writeString(dir.resolve("storage").resolve(two), "{\"id\": \"two\", \"areas\": [{\"key\"");
        SessionStore.Loaded loaded = new SessionStore(dir, CLOCK).load();
        assertEquals(Set.of("one"), loaded.namespaces().keySet());
        assertEquals(1, loaded.notices().size());
        assertTrue(loaded.notices().get(0).contains(two + ".corrupt-20261130T192000Z"), loaded.notices().get(0));
        assertTrue(storageFiles().contains(two + ".corrupt-20261130T192000Z"), "kept, never deleted");
        assertNotEquals(List.of(), storageFiles());
    }
}
