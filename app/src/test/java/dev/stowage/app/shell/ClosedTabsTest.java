package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.session.TabState;
import dev.stowage.session.TabState.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window's closed-tab list: what is remembered, in which order, and what lets go of kept storage. */
class ClosedTabsTest {
    private final List<String> released = new ArrayList<>();

    private static TabState closed(String name, int position) {
        return new TabState("ns-" + name, List.of(new HistoryEntry("http://h/" + name, name)), 0, name, position);
    }

    @Test
    void closedTabsComeBackLastClosedFirstWithTheirPosition() {
        ClosedTabs tabs = new ClosedTabs(25, released::add);
        tabs.push(closed("b", 1));
        tabs.push(closed("a", 0));
        assertEquals(Optional.of(closed("a", 0)), tabs.pop());
        assertEquals(Optional.of(closed("b", 1)), tabs.pop());
        assertTrue(tabs.isEmpty());
        assertEquals(List.of(), released, "reopened entries keep their storage");
    }

    @Test
    void blankTabsAreNotRememberedAndErrorPagesRememberTheFailedUrl() {
        assertEquals(Optional.empty(), ClosedTabs.stateOf(List.of(), -1, "", null, 0));
        assertEquals(Optional.empty(), ClosedTabs.stateOf(List.of(), -1, "", "about:blank", 0));
        TabState failed = ClosedTabs.stateOf(List.of(), -1, "", "http://down/x", 3).orElseThrow();
        assertEquals("http://down/x", failed.current().url());
        assertEquals(3, failed.position());
        List<HistoryEntry> history = List.of(new HistoryEntry("http://h/a", "A"), new HistoryEntry("http://h/b", "B"));
        assertEquals(1, ClosedTabs.stateOf(history, 1, "B", null, 0).orElseThrow().historyIndex());
    }

    @Test
    void theListIsBoundedAndWhatFallsOffOrIsLeftAtTheEndLetsGoOfItsStorage() {
        ClosedTabs tabs = new ClosedTabs(25, released::add);
        for (int i = 0; i < 30; i++) {
            tabs.push(closed("t" + i, 0));
        }
        assertEquals(25, tabs.entries().size());
        assertEquals(List.of("ns-t0", "ns-t1", "ns-t2", "ns-t3", "ns-t4"), released);
        tabs.push(new TabState("", List.of(new HistoryEntry("http://h/", "")), 0, ""));
        released.clear();
        tabs.releaseAll();
        assertEquals(24, released.size(), "every kept namespace, none for the entry that kept nothing");
        assertTrue(tabs.isEmpty());
    }
}
