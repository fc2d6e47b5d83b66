package dev.stowage.app.session;

import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.TabModel;
import dev.stowage.session.TabState;
import dev.stowage.session.WindowState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The windows closed while others stayed open, most recent first, {@link #CAPACITY} deep (Firefox's
 * number), each with its picture and the namespaces of its tabs, kept (persisted) until it is reopened or
 * falls off the end. It also numbers every closing, of a tab or a window, so that Ctrl+Shift+T can reopen
 * whichever closed last. For the run only: the list is not saved. FX thread only.
 */
final class ClosedWindowList {
    /** How many closed windows Ctrl+Shift+T can bring back; each keeps its tabs' storage. */
    static final int CAPACITY = 5;

    /** A closed window: its picture, and the namespaces of its tabs, kept (persisted). */
    record ClosedWindow(BrowserWindow window, WindowState picture, List<String> kept, long order) {
        void release() {
            kept.forEach(window::releaseKept);
        }
    }

    private final Deque<ClosedWindow> list = new ArrayDeque<>();
    /** Per window, the order of its last closed tab, against {@link ClosedWindow#order}. */
    private final Map<BrowserWindow, Long> lastTabClosed = new IdentityHashMap<>();
    private final Map<BrowserWindow, Long> beforeLastTab = new IdentityHashMap<>();
    private long closings;

    /** A tab of {@code window} closed (or left it) now. */
    void tabClosed(BrowserWindow window) {
        Long before = lastTabClosed.put(window, ++closings);
        beforeLastTab.put(window, before == null ? -1L : before);
    }

    /** The tab that last left {@code window} went to another window: it was not a closing. */
    void tabMovedOut(BrowserWindow window) {
        Long before = beforeLastTab.remove(window);
        if (before != null) {
            lastTabClosed.put(window, before);
        }
    }

    /** {@code window} closed with {@code picture}'s tabs open, whose namespaces {@code kept} holds. */
    void add(BrowserWindow window, WindowState picture, List<String> kept) {
        forget(window);
        // Its closed-tab list went with it (the window let their storage go); its open tabs wait here.
        WindowState open = new WindowState(picture.tabs(), picture.selected(), List.of(), picture.bounds());
        list.addFirst(new ClosedWindow(window, open, kept, ++closings));
        while (list.size() > CAPACITY) {
            list.removeLast().release();
        }
    }

    /** Forgets {@code window}'s closed tabs' order: it left without going on the list. */
    void forget(BrowserWindow window) {
        lastTabClosed.remove(window);
        beforeLastTab.remove(window);
    }

    /** Each entry as the History menu names it: "Window: " the selected tab's label, and how many others. */
    List<String> titles() {
        List<String> titles = new ArrayList<>();
        for (ClosedWindow closed : list) {
            TabState shown = closed.picture().tabs().get(closed.picture().selected());
            int others = closed.picture().tabs().size() - 1;
            titles.add("Window: " + TabModel.labelFor(shown.title(), shown.current().url())
                    + (others == 0 ? "" : " and " + others + (others == 1 ? " other tab" : " other tabs")));
        }
        return titles;
    }

    /** Takes the entry at {@code index} off the list; its kept namespaces are the caller's. */
    Optional<ClosedWindow> take(int index) {
        if (index < 0 || index >= list.size()) {
            return Optional.empty();
        }
        ClosedWindow closed = new ArrayList<>(list).get(index);
        list.remove(closed);
        return Optional.of(closed);
    }

    /** Whether the most recently closed window closed after {@code window}'s last tab did. */
    boolean windowClosedLast(BrowserWindow window) {
        ClosedWindow newest = list.peekFirst();
        return newest != null && newest.order() > lastTabClosed.getOrDefault(window, -1L);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Lets go of every entry's storage: closed windows do not outlive the run. */
    void releaseAll() {
        list.forEach(ClosedWindow::release);
        list.clear();
    }
}
