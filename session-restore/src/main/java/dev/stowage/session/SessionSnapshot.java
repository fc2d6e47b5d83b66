package dev.stowage.session;

import dev.stowage.storage.NamespaceSnapshot;
import java.util.Map;
import java.util.Objects;

/**
 * The whole session at one moment, as the owner thread hands it to the saver: immutable, so the saver may
 * serialise it on its own thread while the pages go on writing.
 *
 * @param state      the windows and tabs
 * @param fresh the storage of the namespaces {@code state} refers to that were written to, or never saved,
 *              since the last successful save, by id; every other namespace it refers to keeps its saved
 *              file, which is not rewritten
 */
public record SessionSnapshot(SessionState state, Map<String, NamespaceSnapshot> fresh) {
    public SessionSnapshot {
        Objects.requireNonNull(state, "state");
        fresh = Map.copyOf(fresh);
    }
}
