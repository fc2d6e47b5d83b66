package dev.stowage.app.inspect;

import dev.stowage.app.shell.Bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The inspector without a screen: its filter, its file format, and its rows following an area (FX tasks
 * run by hand here, in order, so a test sees exactly what each task applies).
 */
class InspectorModelTest {
    private static final Origin A = Origin.of("https://a.example");
    private final Queue<Runnable> fxTasks = new ArrayDeque<>();
    private final SessionStorageService service = new SessionStorageService();

    private void runFxTasks() {
        Runnable task;
        while ((task = fxTasks.poll()) != null) {
            task.run();
        }
    }

    private static List<String> keys(List<ItemRow> rows) {
        return rows.stream().map(ItemRow::key).toList();
    }

    @Test
    void aFilterMatchesTextInKeysOrValuesIgnoringCaseOrARegex() {
        ItemRow row = new ItemRow("userToken", "Bearer abc");
        assertTrue(ItemFilter.parse("").test(row));
        assertTrue(ItemFilter.parse("TOKEN").test(row));
        assertTrue(ItemFilter.parse("bearer").test(row));
        assertFalse(ItemFilter.parse("xyz").test(row));
        assertTrue(ItemFilter.parse("/^user[A-Z]/").test(row));
        assertFalse(ItemFilter.parse("/^bearer/").test(row), "a regex is case-sensitive");
        assertTrue(ItemFilter.parse("/^bearer/i").test(row));
        assertTrue(ItemFilter.parse("/").test(new ItemRow("a/b", "")), "a lone slash is text");
        String reason = assertThrows(IllegalArgumentException.class, () -> ItemFilter.parse("/([a/")).getMessage();
        assertTrue(reason.startsWith("Not a regular expression"), reason);
    }

    @Test
    void rowsFollowTheAreaInOrderAndABurstIsAppliedInChunks() {
        SessionNamespace ns = service.createNamespace();
        StorageArea area = ns.area(A);
        area.set("first", "1");
        AreaRows rows = new AreaRows(area, Runnable::run, fxTasks::add, () -> { });
        area.set("during", "the build"); // after the snapshot, before the rows are in
        runFxTasks();
        assertEquals(List.of("first", "during"), keys(rows.rows()));

        Map<String, String> burst = new LinkedHashMap<>();
        for (int i = 0; i < AreaRows.CHUNK + 10; i++) {
            burst.put("k" + i, "v" + i);
        }
        area.set(burst);
        area.set("first", "changed");
        area.remove("during");
        assertEquals(1, fxTasks.size(), "one task scheduled for the whole burst");
        fxTasks.poll().run();
        assertEquals(2 + AreaRows.CHUNK, rows.rows().size(), "the first chunk only");
        runFxTasks();
        assertEquals(AreaRows.CHUNK + 11, rows.rows().size());
        assertEquals("first", rows.rows().get(0).key());
        assertEquals("changed", rows.row("first").value());
        assertEquals(null, rows.row("during"));
        assertEquals("k0", rows.rows().get(1).key(), "storage order");

        area.clear();
        runFxTasks();
        assertTrue(rows.rows().isEmpty());
        rows.close();
        area.set("after", "close");
        assertTrue(fxTasks.isEmpty(), "a closed follower follows no more");
    }

    @Test
    void aClosedInspectorFollowsNothingMore() {
        SessionNamespace ns = service.createNamespace();
        ns.area(A).set("k", "v");
        Inspector inspector = new Inspector(service, Runnable::run, fxTasks::add);
        inspector.show(ns.id());
        runFxTasks();
        assertEquals(List.of("k"), keys(inspector.rowsProperty().get()));
        inspector.close();
        ns.area(A).set("after", "close");
        ns.area(Origin.of("https://b.example")).set("new", "area");
        assertTrue(fxTasks.isEmpty(), "neither the rows nor the areas are followed");
        assertTrue(inspector.rowsProperty().get().isEmpty());
        assertTrue(inspector.areas().isEmpty());
    }

    @Test
    void anEditOverTheQuotaChangesNothingAndSaysSo() {
        SessionStorageService small = new SessionStorageService(100);
        SessionNamespace ns = small.createNamespace();
        ns.area(A).set("k", "v");
        Inspector inspector = new Inspector(small, Runnable::run, fxTasks::add);
        inspector.show(ns.id());
        runFxTasks();
        assertFalse(inspector.set("big", "x".repeat(60)));
        assertTrue(inspector.errorProperty().get().contains("quota"), inspector.errorProperty().get());
        assertEquals(null, ns.area(A).get("big"));
        assertTrue(inspector.set("small", "y"));
        assertEquals("", inspector.errorProperty().get());
        assertEquals("y", ns.area(A).get("small"));
    }

    @Test
    void anImportReplacesOrMergesEachOriginAndAnOriginOverItsQuotaIsLeftAsItWas() {
        SessionStorageService small = new SessionStorageService(100);
        SessionNamespace ns = small.createNamespace();
        Origin b = Origin.of("https://b.example");
        ns.area(A).set("own", "a");
        ns.area(b).set("own", "b");
        Inspector inspector = new Inspector(small, Runnable::run, fxTasks::add);
        inspector.show(ns.id());
        Map<StorageKey, Map<String, String>> file = new LinkedHashMap<>();
        file.put(StorageKey.firstParty(A), Map.of("new", "1"));
        file.put(StorageKey.firstParty(b), Map.of("huge", "x".repeat(80)));
        inspector.importAreas(file, true);
        assertEquals(Map.of("new", "1"), ns.area(A).getAll(), "replaced");
        assertEquals(Map.of("own", "b"), ns.area(b).getAll(), "over its quota: as it was");
        assertTrue(inspector.errorProperty().get().contains("https://b.example"), inspector.errorProperty().get());

        inspector.importAreas(Map.of(StorageKey.firstParty(A), Map.of("more", "2")), false);
        assertEquals(Map.of("new", "1", "more", "2"), ns.area(A).getAll(), "merged");
    }

    @Test
    void aStorageFileGoesOutAndComesBackAndANewerOneIsRefused() throws IOException {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("z", "last \u00e9 \"quoted\"");
        items.put("a", "");
        byte[] file = NamespaceFile.write(NamespaceSnapshot.of("ns", Map.of(StorageKey.firstParty(A), items)));
        Map<StorageKey, Map<String, String>> back = NamespaceFile.read(file);
        assertEquals(List.of(StorageKey.firstParty(A)), List.copyOf(back.keySet()));
        assertEquals(List.copyOf(items.entrySet()), List.copyOf(back.get(StorageKey.firstParty(A)).entrySet()));

        for (String bad : List.of("", "[]", "{\"format\": 1, \"areas\": {}}", "{\"format\": 1, \"kind\": \"x\", \"areas\": {}}",
                "{\"format\": 1, \"kind\": \"stowage-session-storage\", \"areas\": {\"not an origin\": {}}}",
                "{\"format\": 1, \"kind\": \"stowage-session-storage\", \"areas\": {\"https://a.example\": {\"k\": 1}}}")) {
            assertThrows(IOException.class, () -> NamespaceFile.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        String newer = assertThrows(IOException.class, () -> NamespaceFile.read(
                "{\"format\": 2, \"kind\": \"stowage-session-storage\", \"areas\": {}}".getBytes(StandardCharsets.UTF_8))).getMessage();
        assertTrue(newer.contains("newer Stowage"), newer);
    }

    @Test
    void anImportGoesIntoTheTabShownWhenTheFileWasChosenEvenIfTheInspectorMovedOnMeanwhile() throws IOException {
        SessionNamespace chosen = service.createNamespace();
        SessionNamespace other = service.createNamespace();
        chosen.area(A).set("own", "chosen");
        other.area(A).set("own", "other");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("stowage-import", ".json");
        try {
            java.nio.file.Files.write(file, NamespaceFile.write(NamespaceSnapshot.of("x",
                    Map.of(StorageKey.firstParty(A), Map.of("imported", "1")))));
            Queue<Runnable> disk = new ArrayDeque<>();
            InspectorFiles files = new InspectorFiles(new InspectorFiles.FileAsker() {
                @Override
                public java.util.Optional<java.nio.file.Path> saveTo(javafx.stage.Window owner, String name) {
                    return java.util.Optional.empty();
                }

                @Override
                public java.util.Optional<java.nio.file.Path> openFrom(javafx.stage.Window owner) {
                    return java.util.Optional.of(file);
                }
            }, disk::add, fxTasks::add);
            Inspector inspector = new Inspector(service, Runnable::run, fxTasks::add);
            inspector.show(chosen.id());
            files.importInto(inspector, true, null);
            inspector.show(other.id()); // the selected tab changed while the file was being read
            disk.poll().run();
            runFxTasks();
            assertEquals(Map.of("imported", "1"), chosen.area(A).getAll());
            assertEquals(Map.of("own", "other"), other.area(A).getAll(), "the tab shown later is left alone");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void bytesReadAsAPersonReadsThem() {
        assertEquals("512 B", Bytes.of(512));
        assertEquals("1.5 KiB", Bytes.of(1536));
        assertEquals("5 MiB", Bytes.of(5L * 1024 * 1024));
        Predicate<ItemRow> all = ItemFilter.parse("");
        assertTrue(all == ItemFilter.ALL);
    }
}
