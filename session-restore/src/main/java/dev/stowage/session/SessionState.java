package dev.stowage.session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a profile's session is, apart from the storage data itself: its windows, each with its tabs and
 * closed tabs ({@link TabState}s that name their storage namespace by id). Jackson round-trips it as a
 * record; {@code SessionStore} keeps it as the session file's {@code state}.
 *
 * @param windows the windows, in the order they were opened
 */
public record SessionState(List<WindowState> windows) {
    public SessionState {
        windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
    }

    /**
     * Every namespace the session refers to, open tabs' and closed entries' alike: the storage to save, and
     * what the scavenger must keep (Chromium's rule: a closed tab's namespace lives while its entry does).
     */
    public Set<String> referencedNamespaces() {
        Set<String> ids = new LinkedHashSet<>();
        for (WindowState window : windows) {
            window.tabs().forEach(tab -> addIfAny(ids, tab));
            window.closed().forEach(tab -> addIfAny(ids, tab));
        }
        return ids;
    }

    private static void addIfAny(Set<String> ids, TabState tab) {
        if (!tab.namespaceId().isEmpty()) {
            ids.add(tab.namespaceId());
        }
    }
}
