package dev.stowage.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.session.TabState.HistoryEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session's windows and tabs: JSON round trip, the namespaces it refers to, and what is refused. */
class SessionStateTest {
    private final ObjectMapper json = new ObjectMapper();

    private static TabState tab(String ns, String url, int position) {
        return new TabState(ns, List.of(new HistoryEntry(url, "t " + url)), 0, "t " + url, position);
    }

    private static SessionState session() {
        WindowState window = new WindowState(List.of(tab("ns-a", "http://a/", 0), tab("", "http://b/", 1)), 1,
                List.of(tab("ns-closed", "http://c/", 1)), new WindowState.Bounds(10, 20, 1024, 720));
        return new SessionState(List.of(window));
    }

    @Test
    void aSessionRoundTripsThroughJson() throws Exception {
        SessionState session = session();
        assertEquals(session, json.readValue(json.writeValueAsBytes(session), SessionState.class));
        assertEquals(session, json.treeToValue(json.valueToTree(session), SessionState.class));
    }

    @Test
    void closedEntriesNamespacesAreReferencedTooAndTabsWithoutStorageNot() {
        assertEquals(Set.of("ns-a", "ns-closed"), session().referencedNamespaces());
    }

    /**
     * Chromium's edge case: a namespace created, marked to persist (its tab closed), then scavenged must
     * survive while a closed-tab entry refers to it; one that nothing refers to goes.
     */
    @Test
    void scavengingKeepsAPersistedNamespaceThatAClosedEntryRefersTo() {
        var service = new dev.stowage.storage.SessionStorageService();
        var closed = service.createNamespace("ns-closed");
        closed.area(dev.stowage.storage.Origin.of("http://c/")).set("k", "v");
        service.deleteNamespace("ns-closed", true);
        service.createNamespace("ns-orphan");
        service.deleteNamespace("ns-orphan", true);
        service.createNamespace("ns-a");

        assertEquals(Set.of("ns-orphan"), service.scavenge(session().referencedNamespaces()));
        assertEquals("v", service.reattachNamespace("ns-closed").area(dev.stowage.storage.Origin.of("http://c/"))
                .get("k"), "the closed tab reopens with its storage");
        assertEquals(Set.of("ns-closed", "ns-a"), service.namespaceIds());
    }

    @Test
    void windowsWithoutTabsOrWithABadSelectionOrBoundsAreRefused() {
        WindowState.Bounds bounds = new WindowState.Bounds(0, 0, 800, 600);
        assertThrows(IllegalArgumentException.class, () -> new WindowState(List.of(), 0, List.of(), bounds));
        assertThrows(IllegalArgumentException.class,
                () -> new WindowState(List.of(tab("", "http://a/", 0)), 1, List.of(), bounds));
        assertThrows(IllegalArgumentException.class, () -> new WindowState.Bounds(0, 0, 0, 600));
        assertThrows(IllegalArgumentException.class, () -> new WindowState.Bounds(Double.NaN, 0, 800, 600));
    }
}
