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
import java.util.function.Consumer;

/**
 * One small profile file of the form {@code {"format": N, ...}} (the cookies, the zoom levels), under the
 * rules every file the app reads back follows ({@link DamagedFiles}): written through an {@link AtomicFile}
 * (temp file, fsync, rename, the previous file kept as {@code .bak}); read from the file, then its backup;
 * a file that cannot be read or decoded is moved aside with a timestamp, never deleted; a newer format is
 * refused, left untouched, nothing else is read, and this instance never writes over it.
 *
 * <p><b>Threading.</b> Blocking I/O, one thread at a time; never the FX thread.
 */
public final class EnvelopeFile {
    /**
     * What {@link #read} found.
     *
     * @param value   the decoded content of the newest good file, if any
     * @param from    the file it came from (the file itself or its backup)
     * @param notices what the user should be told (files moved aside, a file refused), oldest first
     * @param refused whether a newer format's file was found and left alone
     */
    public record Read<T>(Optional<T> value, Optional<Path> from, List<String> notices, boolean refused) {
        public Read {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(from, "from");
            notices = List.copyOf(notices);
        }
    }

    /** Reads an envelope's content; damage is an {@link IOException} or {@link IllegalArgumentException}. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(JsonNode root) throws IOException;
    }

    private final AtomicFile file;
    private final int formatVersion;
    private final String what;
    private final String whenRefused;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean refused;

    /**
     * @param what        what the file holds, in the user's words ("cookies", "zoom levels")
     * @param whenRefused what this run does instead when a newer format's file is found (a sentence)
     */
    public EnvelopeFile(Path path, int formatVersion, String what, String whenRefused, Clock clock) {
        this.file = new AtomicFile(Objects.requireNonNull(path, "path"));
        this.formatVersion = formatVersion;
        this.what = Objects.requireNonNull(what, "what");
        this.whenRefused = Objects.requireNonNull(whenRefused, "whenRefused");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path path() {
        return file.path();
    }

    /** Whether {@link #read} found a newer format's file, which this instance will not write over. */
    public boolean refused() {
        return refused;
    }

    /**
     * Reads the newest good file, moving aside what cannot be read. Never throws for a bad file.
     *
     * @param decode the content from the envelope
     */
    public <T> Read<T> read(Decoder<T> decode) {
        Objects.requireNonNull(decode, "decode");
        List<String> notices = new ArrayList<>();
        for (Path candidate : file.readOrder()) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                JsonNode root = json.readTree(Files.readAllBytes(candidate));
                int format = DamagedFiles.formatOf(root);
                if (format > formatVersion) {
                    refused = true;
                    notices.add("The saved " + what + " " + candidate + " were written by a newer Stowage (format "
                            + format + "; this one reads up to " + formatVersion + "). They were left untouched, and "
                            + whenRefused);
                    return new Read<>(Optional.empty(), Optional.empty(), notices, true);
                }
                return new Read<>(Optional.of(decode.decode(root)), Optional.of(candidate), notices, false);
            } catch (IOException | IllegalArgumentException e) {
                notices.add(DamagedFiles.moveAside(candidate, what, DamagedFiles.reason(e), "", clock));
            }
        }
        return new Read<>(Optional.empty(), Optional.empty(), notices, false);
    }

    /**
     * Writes a new current file, the previous one kept as the backup: the envelope with this format, filled
     * in by {@code content}.
     *
     * @throws IOException           if it could not be written; the files on disk are as they were
     * @throws IllegalStateException if {@link #read} found a newer format's file, which must survive
     */
    public void write(Consumer<ObjectNode> content) throws IOException {
        Objects.requireNonNull(content, "content");
        if (refused) {
            throw new IllegalStateException("a newer Stowage's " + what + " are in " + file.path() + "; not saving over them");
        }
        ObjectNode root = json.createObjectNode();
        root.put("format", formatVersion);
        content.accept(root);
        file.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
