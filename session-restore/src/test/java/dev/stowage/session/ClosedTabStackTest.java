package dev.stowage.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.session.TabState.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedTabStackTest {
    private final List<TabState> evicted = new ArrayList<>();
    private final ClosedTabStack stack = new ClosedTabStack(3, evicted::add);

    private static TabState tab(String name) {
        return new TabState("ns-" + name, List.of(new HistoryEntry("http://127.0.0.1/" + name, name)), 0, name);
    }

    @Test
    void reopensTheMostRecentlyClosedTabFirst() {
        stack.push(tab("a"));
        stack.push(tab("b"));
        assertEquals("b", stack.pop().orElseThrow().title());
        assertEquals("a", stack.pop().orElseThrow().title());
        assertTrue(stack.pop().isEmpty());
    }

    @Test
    void dropsTheOldestPastCapacityAndSaysSo() {
        for (String n : List.of("a", "b", "c", "d", "e")) {
            stack.push(tab(n));
        }
        assertEquals(3, stack.size());
        assertEquals(List.of("ns-a", "ns-b"), evicted.stream().map(TabState::namespaceId).toList());
        assertEquals(List.of("e", "d", "c"), stack.entries().stream().map(TabState::title).toList());
    }

    @Test
    void defaultCapacityIsFirefoxs() {
        assertEquals(25, new ClosedTabStack(ClosedTabStack.DEFAULT_CAPACITY, t -> { }).capacity());
        assertThrows(IllegalArgumentException.class, () -> new ClosedTabStack(-1, t -> { }));
    }

    @Test
    void capacityZeroKeepsNothingAndLetsEachEntryGo() {
        List<TabState> dropped = new java.util.ArrayList<>();
        ClosedTabStack none = new ClosedTabStack(0, dropped::add);
        none.push(tab("a"));
        assertEquals(0, none.size());
        assertTrue(none.pop().isEmpty());
        assertEquals(List.of("ns-a"), dropped.stream().map(TabState::namespaceId).toList());
    }

    @Test
    void tabStateRefusesAnIndexOutsideItsHistory() {
        List<HistoryEntry> h = List.of(new HistoryEntry("http://x/", ""));
        assertThrows(IllegalArgumentException.class, () -> new TabState("ns", h, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new TabState("ns", List.of(), 0, ""));
        assertEquals("http://x/", new TabState("ns", h, 0, "").current().url());
    }

    @Test
    void anyEntryCanBeTakenOnceAndOnlyThatVeryEntry() {
        ClosedTabStack stack = new ClosedTabStack(5, e -> { });
        TabState a = tab("a");
        TabState b = tab("b");
        stack.push(a);
        stack.push(b);
        assertFalse(stack.remove(tab("a")), "an equal entry is not the entry");
        assertTrue(stack.remove(a));
        assertFalse(stack.remove(a), "not twice");
        assertEquals(List.of(b), stack.entries());
    }
}
