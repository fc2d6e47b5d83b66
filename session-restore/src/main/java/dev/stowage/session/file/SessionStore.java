package dev.stowage.session.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.storage.NamespaceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The saved session in a folder ({@code PROFILE/session}): the session file ({@link SessionFile}) holds the
 * windows and tabs and names, per namespace, a storage file in {@code storage/}; each namespace's storage
 * is a file of its own ({@link NamespaceCodec}), so a save rewrites only the namespaces that changed while
 * the others' data stays where it is.
 *
 * <p><b>Crash safety.</b> A changed namespace goes to a new file (a new generation name, written to a temp
 * file, forced, renamed); only then does the session file, naming the new files, replace the old one. Files
 * named by the current session file, by its backup or by the previous run's session ({@code previous.json},
 * see {@link SessionFile}) are never deleted, so whichever of them a later start reads finds all its
 * storage; older generations are deleted after a save. A storage file that
 * cannot be read is moved aside with a timestamp, and only that tab's storage starts empty.
 *
 * <p><b>Threading.</b> Blocking I/O: the saver's thread only ({@link SessionWriter}). Not thread-safe.
 */
public final class SessionStore {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /**
     * What {@link #load()} found.
     *
     * @param state      the saved windows and tabs, as the app wrote them, if a good session was found
     * @param namespaces the saved storage of each namespace the session names, by id
     * @param notices    what the user should be told, oldest first
     * @param refused    a newer Stowage's session was found and left alone; saving is refused
     */
    public record Loaded(Optional<JsonNode> state, Map<String, NamespaceSnapshot> namespaces, List<String> notices,
                         boolean refused) {
        public Loaded {
            Objects.requireNonNull(state, "state");
            namespaces = Map.copyOf(namespaces);
            notices = List.copyOf(notices);
        }
    }

    private final SessionFile sessionFile;
    private final Path storageDir;
    private final Clock clock;
    private final java.util.function.Consumer<JsonNode> checkState;
    private final ObjectMapper json = new ObjectMapper();
    // Namespace id -> storage file name, as named by the current session file and by its backup, and by
    // the session this run started from (kept as the previous run's).
    private Map<String, String> current = Map.of();
    private Map<String, String> previous = Map.of();
    private Map<String, String> lastRun = Map.of();
    private Optional<Path> loadedFrom = Optional.empty();
    private boolean savedThisRun;
    private long generation;

    public SessionStore(Path sessionDir, Clock clock) {
        this(sessionDir, clock, state -> { });
    }

    /**
     * @param checkState rejects a saved {@code state} that does not hold together by throwing
     *                   {@link IllegalArgumentException}; such a file is moved aside like a corrupt one and the
     *                   backup is tried
     */
    public SessionStore(Path sessionDir, Clock clock, java.util.function.Consumer<JsonNode> checkState) {
        Objects.requireNonNull(sessionDir, "sessionDir");
        this.checkState = Objects.requireNonNull(checkState, "checkState");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionFile = new SessionFile(sessionDir.resolve("session.json"), clock);
        this.storageDir = sessionDir.resolve("storage").toAbsolutePath();
        this.generation = clock.millis();
    }

    /** Reads the newest good session and the storage it names; never throws for a bad file. */
    public Loaded load() {
        SessionFile.Loaded loaded = sessionFile.load(session -> {
            JsonNode state = session.get("state");
            if (state == null) {
                throw new IllegalArgumentException("no state");
            }
            checkState.accept(state);
        });
        List<String> notices = new ArrayList<>(loaded.notices());
        Map<String, NamespaceSnapshot> namespaces = new LinkedHashMap<>();
        if (loaded.session().isEmpty()) {
            return new Loaded(Optional.empty(), namespaces, notices, loaded.refused());
        }
        JsonNode session = loaded.session().get();
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode storage = session.get("storage");
        if (storage != null && storage.isObject()) {
            storage.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText("")));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = storageDir.resolve(file.getValue());
            if (!path.getParent().equals(storageDir) || !Files.isRegularFile(path)) {
                notices.add("The saved storage of a tab (" + file.getValue() + ") is missing; that tab starts empty.");
                continue;
            }
            try {
                NamespaceSnapshot snapshot = NamespaceCodec.decode(Files.readAllBytes(path));
                if (!snapshot.namespaceId().equals(file.getKey())) {
                    throw new IOException("it holds namespace " + snapshot.namespaceId());
                }
                namespaces.put(file.getKey(), snapshot);
            } catch (IOException e) {
                notices.add(DamagedFiles.moveAside(path, "storage", e.getMessage(), " and that tab starts empty", clock));
            }
        }
        current = files;
        lastRun = files;
        loadedFrom = loaded.from();
        JsonNode state = session.get("state");
        return new Loaded(Optional.ofNullable(state), namespaces, notices, false);
    }

    /**
     * Saves {@code state} (the windows and tabs) and the storage of {@code namespaces}: those in
     * {@code changed}, or not saved before, go to new files; the others keep theirs.
     *
     * @throws IOException           if something could not be written; what was saved before stays readable
     * @throws IllegalStateException if {@link #load()} found a newer Stowage's session
     */
    public void save(JsonNode state, Map<String, NamespaceSnapshot> namespaces, Set<String> changed) throws IOException {
        Objects.requireNonNull(changed, "changed");
        Map<String, NamespaceSnapshot> fresh = new LinkedHashMap<>();
        namespaces.forEach((id, snapshot) -> {
            if (changed.contains(id) || !current.containsKey(id)) {
                fresh.put(id, snapshot);
            }
        });
        save(state, namespaces.keySet(), fresh);
    }

    /**
     * Saves {@code state} (the windows and tabs) naming the storage of every namespace in {@code referenced}:
     * those in {@code fresh} go to new files; the others keep the file the last save gave them. A referenced
     * namespace that is in neither is left out (its tab would come back empty), so the caller hands over
     * every namespace written to, or never saved, since the last successful save.
     *
     * @throws IOException           if something could not be written; what was saved before stays readable
     * @throws IllegalStateException if {@link #load()} found a newer Stowage's session
     */
    public void save(JsonNode state, Set<String> referenced, Map<String, NamespaceSnapshot> fresh) throws IOException {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(referenced, "referenced");
        Objects.requireNonNull(fresh, "fresh");
        Files.createDirectories(storageDir);
        Map<String, String> files = new LinkedHashMap<>();
        for (String id : referenced) {
            NamespaceSnapshot snapshot = fresh.get(id);
            String kept = current.get(id);
            if (snapshot == null) {
                if (kept != null && Files.isRegularFile(storageDir.resolve(kept))) {
                    files.put(id, kept);
                }
                continue;
            }
            String name = fileNameFor(id);
            new AtomicFile(storageDir.resolve(name)).write(out -> NamespaceCodec.encode(snapshot, out));
            files.put(id, name);
        }
        ObjectNode root = json.createObjectNode();
        root.set("state", state);
        ObjectNode storage = root.putObject("storage");
        files.forEach(storage::put);
        if (!savedThisRun && loadedFrom.isPresent()) {
            sessionFile.keepAsPreviousRun(loadedFrom.get());
        }
        sessionFile.save(root);
        savedThisRun = true;
        previous = current;
        current = files;
        deleteUnreferenced();
    }

    private String fileNameFor(String id) {
        String safe = SAFE_ID.matcher(id).matches() ? id : "ns" + Integer.toHexString(id.hashCode());
        String name;
        do {
            name = safe + "." + (++generation) + ".json";
        } while (Files.exists(storageDir.resolve(name)));
        return name;
    }

    /**
     * Deletes storage files that neither the session file, its backup nor the previous run's session names
     * (older generations).
     */
    private void deleteUnreferenced() throws IOException {
        Set<String> keep = new HashSet<>(current.values());
        keep.addAll(previous.values());
        keep.addAll(lastRun.values());
        try (Stream<Path> files = Files.list(storageDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean stale = name.endsWith(".json") ? !keep.contains(name) : name.endsWith(".json.tmp");
                if (stale) { // an older generation, or a write a crash cut short
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
