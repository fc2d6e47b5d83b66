package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The window and tab models, without a screen. */
class WindowModelTest {
    private final WindowModel model = new WindowModel();

    private TabModel tab(String id, String url) {
        TabModel t = new TabModel(id);
        t.urlProperty().set(url);
        return t;
    }

    private List<TabModel> open(int n) {
        List<TabModel> tabs = IntStream.range(0, n).mapToObj(i -> tab("t" + i, "http://h/" + i)).toList();
        tabs.forEach(t -> model.add(t, false));
        return tabs;
    }

    @Test
    void firstTabIsSelectedAndLaterOnesOnlyWhenAsked() {
        var tabs = open(3);
        assertSame(tabs.get(0), model.selected());
        TabModel extra = tab("x", "http://x/");
        model.add(extra, 1, true);
        assertEquals(1, model.selectedIndex());
        assertEquals(List.of(tabs.get(0), extra, tabs.get(1), tabs.get(2)), model.tabs());
    }

    @Test
    void closingTheSelectedTabSelectsItsRightNeighbourElseItsLeft() {
        var tabs = open(3);
        model.select(tabs.get(1));
        model.remove(tabs.get(1));
        assertSame(tabs.get(2), model.selected());
        model.remove(tabs.get(2));
        assertSame(tabs.get(0), model.selected());
        model.remove(tabs.get(0));
        assertNull(model.selected());
        assertFalse(model.remove(tabs.get(0)));
    }

    @Test
    void closingABackgroundTabKeepsTheSelection() {
        var tabs = open(3);
        model.select(tabs.get(2));
        model.remove(tabs.get(0));
        assertSame(tabs.get(2), model.selected());
    }

    @Test
    void nextAndPreviousWrapAround() {
        var tabs = open(3);
        model.selectRelative(-1);
        assertSame(tabs.get(2), model.selected());
        model.selectRelative(1);
        assertSame(tabs.get(0), model.selected());
    }

    @Test
    void selectIndexIgnoresTabsThatDoNotExistAndLastIsLast() {
        var tabs = open(3);
        model.selectIndex(7);
        assertSame(tabs.get(0), model.selected());
        model.selectLast();
        assertSame(tabs.get(2), model.selected());
    }

    @Test
    void rightOfAndOthers() {
        var tabs = open(4);
        assertEquals(List.of(tabs.get(2), tabs.get(3)), model.tabsRightOf(tabs.get(1)));
        assertEquals(List.of(tabs.get(0), tabs.get(2), tabs.get(3)), model.tabsOtherThan(tabs.get(1)));
    }

    @Test
    void moveKeepsSelectionAndTabsListIsReadOnly() {
        var tabs = open(3);
        model.move(tabs.get(0), 2);
        assertEquals(List.of(tabs.get(1), tabs.get(2), tabs.get(0)), model.tabs());
        assertSame(tabs.get(0), model.selected());
        assertThrows(UnsupportedOperationException.class, () -> model.tabs().clear());
        assertThrows(IllegalArgumentException.class, () -> model.add(tabs.get(0), false));
    }

    @Test
    void aMoveIsOnePermutationNotACloseAndAnOpen() {
        var tabs = open(4);
        List<String> seen = new java.util.ArrayList<>();
        model.tabs().addListener((javafx.collections.ListChangeListener<TabModel>) c -> {
            while (c.next()) {
                seen.add(c.wasPermutated() ? "permutated" : c.wasRemoved() ? "removed" : "added");
            }
        });
        model.move(tabs.get(3), 1);
        assertEquals(List.of("permutated"), seen);
        assertEquals(List.of(tabs.get(0), tabs.get(3), tabs.get(1), tabs.get(2)), model.tabs());
        model.move(tabs.get(0), 99);
        assertEquals(List.of(tabs.get(3), tabs.get(1), tabs.get(2), tabs.get(0)), model.tabs(), "clamped to the end");
    }

    @Test
    void labelIsTitleElseHostElseNewTab() {
        TabModel t = new TabModel("id");
        assertEquals("New Tab", t.labelBinding().get());
        t.urlProperty().set("http://example.com:8080/x");
        assertEquals("example.com", t.labelBinding().get());
        t.titleProperty().set("  Example  ");
        assertEquals("Example", t.labelBinding().get());
        assertEquals("New Tab", TabModel.labelFor("", "about:blank"));
        assertEquals("data:text/plain,x", TabModel.labelFor(null, "data:text/plain,x"));
    }

    @Test
    void backgroundTabsGoAfterTheirOpenersEarlierOnesUntilTheSelectionMoves() {
        List<TabModel> tabs = open(3);
        model.select(tabs.get(0));
        TabModel first = tab("bg1", "http://h/bg1");
        model.add(first, model.backgroundInsertIndex(tabs.get(0)), false);
        model.noteBackgroundChild(tabs.get(0), first);
        TabModel second = tab("bg2", "http://h/bg2");
        model.add(second, model.backgroundInsertIndex(tabs.get(0)), false);
        model.noteBackgroundChild(tabs.get(0), second);
        assertEquals(List.of("t0", "bg1", "bg2", "t1", "t2"), model.tabs().stream().map(TabModel::id).toList());

        model.select(tabs.get(2));
        model.select(tabs.get(0));
        assertEquals(1, model.backgroundInsertIndex(tabs.get(0)), "a new run starts right after the opener");
        model.noteBackgroundChild(tabs.get(0), tabs.get(1));
        model.remove(tabs.get(1));
        assertEquals(1, model.backgroundInsertIndex(tabs.get(0)), "a closed child no longer counts");
    }
}
