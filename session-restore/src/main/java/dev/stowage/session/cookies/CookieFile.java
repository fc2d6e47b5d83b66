package dev.stowage.session.cookies;

import dev.stowage.session.file.EnvelopeFile;
import dev.stowage.session.file.SessionFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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

    private final EnvelopeFile file;

    /** @param path the cookie file, normally {@code PROFILE/cookies.json}; its folder is created on save */
    public CookieFile(Path path, Clock clock) {
        this.file = new EnvelopeFile(path, FORMAT_VERSION, "cookies", "this run keeps its cookies in memory only.", clock);
    }

    /** The file itself. */
    public Path path() {
        return file.path();
    }

    /** Whether {@link #load()} found a newer format's file, which this instance will not save over. */
    public boolean refused() {
        return file.refused();
    }

    /** Reads the newest good cookie list, moving aside what cannot be read. Never throws for a bad file. */
    public Loaded load() {
        EnvelopeFile.Read<List<StoredCookie>> read = file.read(root -> CookieCodec.decode(root.get("cookies")));
        return new Loaded(read.value().orElse(List.of()), read.from(), read.notices(), read.refused());
    }

    /**
     * Writes {@code cookies} as the current file, the previous one kept as the backup.
     *
     * @throws IOException           if it could not be written; the files on disk are as they were
     * @throws IllegalStateException if {@link #load()} found a newer format's file, which must survive
     */
    public void save(List<StoredCookie> cookies) throws IOException {
        Objects.requireNonNull(cookies, "cookies");
        file.write(root -> root.set("cookies", CookieCodec.encode(cookies)));
    }
}
