package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.session.TabState.HistoryEntry;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The shell's history of a tab, without WebKit: entries, the current one, and where WebKit has them. */
class TabHistoryTest {
    private static HistoryEntry entry(String name) {
        return new HistoryEntry("http://h/" + name, name);
    }

    private final TabHistory history = new TabHistory();

    @Test
    void aNewNavigationDropsTheForwardEntries() {
        history.pushed(entry("a"), 0);
        history.pushed(entry("b"), 1);
        history.pushed(entry("c"), 2);
        history.landed(0, 0);
        assertTrue(history.canGoForward());
        history.pushed(entry("d"), 1);
        assertEquals(List.of(entry("a"), entry("d")), history.entries());
        assertEquals(1, history.index());
        assertFalse(history.canGoForward());
    }

    @Test
    void aRestoredHistoryIsUnknownToWebKitUntilItsEntriesAreLoaded() {
        history.reset(List.of(entry("a"), entry("b"), entry("c")), 1);
        assertEquals(-1, history.engineIndexOf(0));
        history.landed(1, 0);
        assertEquals(OptionalInt.of(1), history.entryAtEngineIndex(0));
        // Back loads a (WebKit truncates after its current entry and appends).
        history.engineTruncatedFrom(1);
        history.landed(0, 1);
        assertEquals(1, history.engineIndexOf(0));
        assertEquals(0, history.engineIndexOf(1), "b is still WebKit's first entry");
        assertThrows(IllegalArgumentException.class, () -> history.reset(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> history.reset(List.of(entry("a")), 1));
    }

    @Test
    void whenWebKitDropsItsOldestEntriesEveryPositionMovesDown() {
        history.pushed(entry("a"), 0);
        history.pushed(entry("b"), 1);
        history.pushed(entry("c"), 2);
        history.engineDroppedOldest(1);
        assertEquals(-1, history.engineIndexOf(0), "WebKit no longer has a");
        assertEquals(0, history.engineIndexOf(1));
        assertEquals(1, history.engineIndexOf(2));
        assertEquals(3, history.entries().size(), "the shell keeps them all");
    }
}
