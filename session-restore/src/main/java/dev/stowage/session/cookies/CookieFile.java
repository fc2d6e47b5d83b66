package dev.stowage.session.cookies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.session.file.AtomicFile;
import dev.stowage.session.file.DamagedFiles;
import dev.stowage.session.file.SessionFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profile's cookie file, {@code PROFILE/cookies.json}: {@code {"format": N, "cookies": [...]}}
 * ({@link CookieCodec}), under the same rules as the session file ({@link SessionFile}): written through an
 * {@link AtomicFile} (temp file, fsync, rename, the previous file kept as {@code cookies.json.bak}); read
 * from the file, then its backup; a file that cannot be read is moved aside with a timestamp
 * ({@link DamagedFiles#moveAside(Path, Clock)}), never deleted; a file of a newer format is refused, left untouched,
 * nothing else is read, and this instance never {@link #save}s over it.
 *
 * <p>Every cookie is saved, session cookies too (as Chrome does): whether they come back is decided at the
 * next start ({@link Loaded#restorable}), when it is known whether the session is restored.
 *
 * <p><b>Threading.</b> Blocking I/O, one thread at a time (the saver's); never the FX thread.
 * <b>Errors.</b> {@link #load()} never throws for a bad file (it reports notices); {@link #save} throws.
 */
public final class CookieFile {
    /** The format this build writes, and the newest it reads. See {@code docs/session-format.md}. */
    public static final int FORMAT_VERSION = 1;
    /** The file's name in the profile folder. */
    public static final String FILE_NAME = "cookies.json";

    /**
     * What {@link #load()} found.
     *
     * @param cookies every saved cookie, in store order (empty if no good file)
     * @param from    the file they came from (the file itself or its backup), if any
     * @param notices what the user should be told (files moved aside, a file refused), oldest first
     * @param refused whether a newer format's file was found and left alone (saving is then refused too)
     */
    public record Loaded(List<StoredCookie> cookies, Optional<Path> from, List<String> notices, boolean refused) {
        public Loaded {
            cookies = List.copyOf(cookies);
            Objects.requireNonNull(from, "from");
            notices = List.copyOf(notices);
        }

        /**
         * The cookies a start should put back: never an expired one; session cookies only when the session
         * is restored ({@code sessionCookies}), as Chrome and Firefox do, since a fresh session must not be
         * logged in by a previous session's cookie.
         */
        public List<StoredCookie> restorable(long nowMillis, boolean sessionCookies) {
            return cookies.stream()
                    .filter(c -> !c.expiredAt(nowMillis))
                    .filter(c -> sessionCookies || c.persistent())
                    .toList();
        }
    }

    private final AtomicFile file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean refused;

    /** @param path the cookie file, normally {@code PROFILE/cookies.json}; its folder is created on save */
    public CookieFile(Path path, Clock clock) {
        this.file = new AtomicFile(Objects.requireNonNull(path, "path"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The file itself. */
    public Path path() {
        return file.path();
    }

    /** Whether {@link #load()} found a newer format's file, which this instance will not save over. */
    public boolean refused() {
        return refused;
    }

    /** Reads the newest good cookie list, moving aside what cannot be read. Never throws for a bad file. */
    public Loaded load() {
        List<String> notices = new ArrayList<>();
        for (Path candidate : file.readOrder()) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                JsonNode root = json.readTree(Files.readAllBytes(candidate));
                int format = DamagedFiles.formatOf(root);
                if (format > FORMAT_VERSION) {
                    refused = true;
                    notices.add("The saved cookies " + candidate + " were written by a newer Stowage (format " + format
                            + "; this one reads up to " + FORMAT_VERSION + "). They were left untouched, and this run"
                            + " keeps its cookies in memory only.");
                    return new Loaded(List.of(), Optional.empty(), notices, true);
                }
                return new Loaded(CookieCodec.decode(root.get("cookies")), Optional.of(candidate), notices, false);
            } catch (IOException | IllegalArgumentException e) {
                notices.add(DamagedFiles.moveAside(candidate, "cookies", DamagedFiles.reason(e), "", clock));
            }
        }
        return new Loaded(List.of(), Optional.empty(), notices, false);
    }

    /**
     * Writes {@code cookies} as the current file, the previous one kept as the backup.
     *
     * @throws IOException           if it could not be written; the files on disk are as they were
     * @throws IllegalStateException if {@link #load()} found a newer format's file, which must survive
     */
    public void save(List<StoredCookie> cookies) throws IOException {
        Objects.requireNonNull(cookies, "cookies");
        if (refused) {
            throw new IllegalStateException("a newer Stowage's cookies are in " + file.path() + "; not saving over them");
        }
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.set("cookies", CookieCodec.encode(cookies));
        file.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
