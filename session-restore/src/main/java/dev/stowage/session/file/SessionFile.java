package dev.stowage.session.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The session file: JSON in an envelope {@code {"format": N, "session": {...}}}, written through an
 * {@link AtomicFile} and read back in its fixed order (the file, its backup, then the previous run's
 * session), Firefox's discipline.
 *
 * <p><b>The previous run's session.</b> Every save moves the current file to the backup, so a run that
 * saves twice no longer has the session it started from in either. {@link #keepAsPreviousRun} copies that
 * session to {@code previous.json} (Firefox's {@code previous.jsonlz4}) before a run's first save: a
 * person who started without restoring, or whose restore went wrong, can still get it back.
 *
 * <p><b>Bad files lose nothing.</b> A file that is not a complete envelope (corrupt, truncated, empty) is
 * moved aside as {@code NAME.corrupt-<UTC timestamp>}, never deleted or overwritten, with a notice for
 * the user, and the next file in the order is tried. A file whose format is newer than
 * {@link #FORMAT_VERSION} was written by a newer Stowage: it is refused and left untouched, nothing else
 * is read, and this instance will not {@link #save} over it (the user's newer session must survive an
 * older build being started by mistake).
 *
 * <p><b>Threading.</b> Blocking I/O, one thread at a time (the saver's); never the FX thread.
 */
public final class SessionFile {
    /** The format this build writes, and the newest it reads. See {@code docs/session-format.md}. */
    public static final int FORMAT_VERSION = 1;


    /**
     * What {@link #load()} found.
     *
     * @param session the saved session, if a good file was found
     * @param from    the file it came from (the file itself or its backup), if any
     * @param notices what the user should be told (files moved aside, a file refused), oldest first
     * @param refused whether a newer format's file was found and left alone (saving is then refused too)
     */
    public record Loaded(Optional<JsonNode> session, Optional<Path> from, List<String> notices, boolean refused) {
        public Loaded {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(from, "from");
            notices = List.copyOf(notices);
        }
    }

    private final AtomicFile file;
    private final AtomicFile previousRun;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private boolean refused;

    /** @param path the session file, e.g. {@code PROFILE/session/session.json}; its folder is created on save */
    public SessionFile(Path path, Clock clock) {
        this.file = new AtomicFile(Objects.requireNonNull(path, "path"));
        this.previousRun = AtomicFile.withoutBackup(this.file.path().resolveSibling("previous.json"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Keeps the session file {@link #load()} read ({@code from}) as the previous run's session, unless it
     * is that file already. Called before a run's first save.
     *
     * @throws IOException if it could not be copied; the files on disk are as they were
     */
    public void keepAsPreviousRun(Path from) throws IOException {
        Objects.requireNonNull(from, "from");
        if (!from.toAbsolutePath().equals(previousRun.path())) {
            previousRun.write(Files.readAllBytes(from));
        }
    }

    /** Reads the newest good session, moving aside what cannot be read. Never throws for a bad file. */
    public Loaded load() {
        return load(session -> { });
    }

    /**
     * {@link #load()}, where a file whose {@code session} {@code check} rejects (by throwing
     * {@link IllegalArgumentException}: a well-formed file whose content does not hold together) counts as
     * damaged too: it is moved aside and the next file is tried.
     */
    public Loaded load(java.util.function.Consumer<JsonNode> check) {
        Objects.requireNonNull(check, "check");
        List<String> notices = new ArrayList<>();
        List<Path> order = new ArrayList<>(file.readOrder());
        order.add(previousRun.path());
        for (Path candidate : order) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            JsonNode root;
            try {
                root = json.readTree(Files.readAllBytes(candidate));
                int format = formatOf(root);
                if (format > FORMAT_VERSION) {
                    refused = true;
                    notices.add("The saved session " + candidate + " was written by a newer Stowage (format " + format
                            + "; this one reads up to " + FORMAT_VERSION + "). It was left untouched, and this run"
                            + " will not save over it.");
                    return new Loaded(Optional.empty(), Optional.empty(), notices, true);
                }
                check.accept(root.get("session"));
                return new Loaded(Optional.of(root.get("session")), Optional.of(candidate), notices, false);
            } catch (IOException | IllegalArgumentException e) {
                notices.add(DamagedFiles.moveAside(candidate, "session", DamagedFiles.reason(e), "", clock));
            }
        }
        return new Loaded(Optional.empty(), Optional.empty(), notices, false);
    }

    /**
     * Writes {@code session} as the current file, the previous one kept as the backup.
     *
     * @throws IOException           if it could not be written; the files on disk are as they were
     * @throws IllegalStateException if {@link #load()} found a newer format's file, which must survive
     */
    public void save(JsonNode session) throws IOException {
        Objects.requireNonNull(session, "session");
        if (refused) {
            throw new IllegalStateException("a newer Stowage's session is in " + file.path() + "; not saving over it");
        }
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.set("session", session);
        file.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static int formatOf(JsonNode root) {
        int format = DamagedFiles.formatOf(root);
        JsonNode session = root.get("session");
        if (session == null || !session.isObject()) {
            throw new IllegalArgumentException("no session");
        }
        return format;
    }
}
