package dev.stowage.app.shell;

import dev.stowage.session.ClosedTabStack;
import dev.stowage.session.TabState;
import dev.stowage.session.TabState.HistoryEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A window's recently closed tabs, for Ctrl+Shift+T: the {@code session-restore} module's
 * {@link ClosedTabStack} (most recent first, 25 like Firefox) of {@link TabState}s, plus the window's rule
 * for what is worth remembering. Each entry may hold a kept storage namespace; an entry that falls off the
 * end, or every entry when the window closes, lets it go. Screen-free; FX thread only.
 */
final class ClosedTabs {
    private final ClosedTabStack stack;
    private final Consumer<String> release;

    /** @param release lets go of a kept namespace by id (never called with "") */
    ClosedTabs(int capacity, Consumer<String> release) {
        this.release = Objects.requireNonNull(release, "release");
        this.stack = new ClosedTabStack(capacity, evicted -> releaseOf(evicted));
    }

    /**
     * What a closing tab would leave on the list: its history, or just the URL that failed (an error page
     * before any entry); nothing for a tab that never showed a page.
     */
    static Optional<TabState> stateOf(List<HistoryEntry> history, int index, String title, String failedUrl,
                                      int position) {
        if (index >= 0 && !history.isEmpty()) {
            return Optional.of(new TabState("", history, index, title, position));
        }
        if (failedUrl != null && !failedUrl.isBlank() && !failedUrl.equals("about:blank")) {
            return Optional.of(new TabState("", List.of(new HistoryEntry(failedUrl, "")), 0, title, position));
        }
        return Optional.empty();
    }

    /** Remembers a closed tab, unless it showed nothing: then its kept namespace, if any, goes. */
    void remember(TabState closed) {
        if (!WindowRestore.isBlank(closed)) {
            push(closed);
        } else if (!closed.namespaceId().isEmpty()) {
            release.accept(closed.namespaceId());
        }
    }

    /** Remembers a closed tab, most recent first. */
    void push(TabState closed) {
        stack.push(closed);
    }

    /** The most recently closed tab, taken off the list (its kept namespace is now the caller's). */
    Optional<TabState> pop() {
        return stack.pop();
    }

    /** Takes {@code entry} (from {@link #entries()}) off the list; empty if it is no longer there. */
    Optional<TabState> take(TabState entry) {
        return stack.remove(entry) ? Optional.of(entry) : Optional.empty();
    }

    boolean isEmpty() {
        return stack.size() == 0;
    }

    /** The entries, most recent first. */
    List<TabState> entries() {
        return stack.entries();
    }

    /** Forgets the entries {@code which} picks, letting go of what they kept (clearing browsing data). */
    void forget(java.util.function.Predicate<TabState> which) {
        for (TabState entry : stack.entries()) {
            if (which.test(entry) && stack.remove(entry)) {
                releaseOf(entry);
            }
        }
    }

    /** Takes every entry off the list, most recent first; what they kept is now the caller's. */
    List<TabState> takeAll() {
        List<TabState> all = stack.entries();
        all.forEach(stack::remove);
        return all;
    }

    /** Forgets every entry, letting go of what they kept (the window closes). */
    void releaseAll() {
        while (true) {
            Optional<TabState> entry = stack.pop();
            if (entry.isEmpty()) {
                return;
            }
            releaseOf(entry.get());
        }
    }

    private void releaseOf(TabState entry) {
        if (!entry.namespaceId().isEmpty()) {
            release.accept(entry.namespaceId());
        }
    }
}
