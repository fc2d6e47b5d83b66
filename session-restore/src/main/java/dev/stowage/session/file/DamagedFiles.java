package dev.stowage.session.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The rules every file the app reads back shares (the session, its storage files, the cookies): a
 * version-enveloped JSON file is checked the same way, and a file that cannot be read is moved aside with
 * a timestamp, never deleted, with one notice for the user. Stateless; blocking I/O, never the FX thread.
 */
public final class DamagedFiles {
    private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private DamagedFiles() {
    }

    /**
     * The {@code format} of an envelope {@code {"format": N, ...}}; only the version is checked, since a
     * newer format may shape its content differently.
     *
     * @throws IllegalArgumentException if {@code root} is not an object with a format version of at least 1
     */
    public static int formatOf(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || !format.canConvertToInt() || format.intValue() < 1) {
            throw new IllegalArgumentException("no format version");
        }
        return format.intValue();
    }

    /** Why a file could not be read, in a user's words: the parser's message without its location dump. */
    public static String reason(Exception e) {
        if (e instanceof JsonProcessingException p) {
            return p.getOriginalMessage();
        }
        return e.getMessage();
    }

    /**
     * Moves the unreadable {@code bad} aside and says so: "The saved {@code what} FILE could not be read
     * (WHY); it was moved to ASIDE{@code consequence}." (or that it stayed where it is, if it could not be
     * moved).
     */
    public static String moveAside(Path bad, String what, String why, String consequence, Clock clock) {
        try {
            Path aside = moveAside(bad, clock);
            return "The saved " + what + " " + bad + " could not be read (" + why + "); it was moved to " + aside
                    + consequence + ".";
        } catch (IOException e) {
            return "The saved " + what + " " + bad + " could not be read (" + why + ") nor moved aside ("
                    + e.getMessage() + "); it was left where it is" + consequence + ".";
        }
    }

    /** Moves {@code bad} to {@code NAME.corrupt-<UTC timestamp>[-N]} beside it and returns where it went. */
    public static Path moveAside(Path bad, Clock clock) throws IOException {
        String stamp = ASIDE_STAMP.format(clock.instant());
        Path aside = bad.resolveSibling(bad.getFileName() + ".corrupt-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = bad.resolveSibling(bad.getFileName() + ".corrupt-" + stamp + "-" + n);
        }
        Files.move(bad, aside);
        return aside;
    }
}
