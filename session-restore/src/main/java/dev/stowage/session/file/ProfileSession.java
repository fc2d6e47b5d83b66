package dev.stowage.session.file;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.session.SessionSnapshot;
import dev.stowage.session.SessionState;
import dev.stowage.storage.NamespaceSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile's saved session in terms of the session model: {@link SessionState} and the storage of its
 * namespaces, kept by a {@link SessionStore} in {@code PROFILE/session}. A saved state that does not hold
 * together (a tab without history, a selected tab out of range) counts as a damaged file: it is moved aside
 * and the backup is read instead.
 *
 * <p>A save that failed (a full disk) leaves the files on disk as the last good save left them; the
 * caller hands the namespaces it carried to the next save again.
 *
 * <p><b>Threading.</b> Blocking I/O, one thread at a time: {@link #load()} before the window opens (off the
 * FX thread), {@link #save} on the saver's thread.
 */
public final class ProfileSession {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * What a start found on the disk.
     *
     * @param state      the saved windows and tabs, if a good session was found
     * @param namespaces the saved storage of the namespaces the session names
     * @param notices    what to tell the user (files moved aside, a newer session refused), oldest first
     * @param refused    a newer Stowage's session is there: this run never saves over it
     */
    public record Startup(Optional<SessionState> state, Map<String, NamespaceSnapshot> namespaces,
                          List<String> notices, boolean refused) {
        public Startup {
            Objects.requireNonNull(state, "state");
            namespaces = Map.copyOf(namespaces);
            notices = List.copyOf(notices);
        }
    }

    private final SessionStore store;

    /** The session of the profile in {@code profileDir} ({@code PROFILE/session}); nothing is read or created yet. */
    public ProfileSession(Path profileDir, Clock clock) {
        this.store = new SessionStore(Objects.requireNonNull(profileDir, "profileDir").resolve("session"),
                clock, ProfileSession::decode);
    }

    /** Reads the newest good session; never throws for a bad or missing file. */
    public Startup load() {
        SessionStore.Loaded loaded = store.load();
        return new Startup(loaded.state().map(ProfileSession::decode), loaded.namespaces(), loaded.notices(),
                loaded.refused());
    }

    /**
     * Writes {@code snapshot}: the state, and the storage of its fresh namespaces; the other namespaces the
     * state refers to keep their files.
     *
     * @throws IOException           if it could not be written; the last good save stays readable
     * @throws IllegalStateException if {@link #load()} found a newer Stowage's session
     */
    public void save(SessionSnapshot snapshot) throws IOException {
        Objects.requireNonNull(snapshot, "snapshot");
        store.save(JSON.valueToTree(snapshot.state()), snapshot.state().referencedNamespaces(), snapshot.fresh());
    }

    private static SessionState decode(JsonNode state) {
        try {
            return JSON.treeToValue(state, SessionState.class);
        } catch (IOException | RuntimeException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("the saved windows and tabs do not hold together: "
                    + cause.getMessage(), e);
        }
    }
}
