package dev.stowage.session.prefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.session.file.EnvelopeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The profile's settings, {@code PROFILE/settings.json}: {@code {"format": 1, "clonePolicy": "links"}}. Under
 * the rules of every file the app reads back (through {@link EnvelopeFile}): written atomically with the
 * previous file kept as {@code .bak}; read from the file, then its backup; a file that cannot be read is
 * moved aside with a timestamp; a newer format is refused and never saved over.
 *
 * <p><b>Threading.</b> Blocking I/O, one thread at a time; never the FX thread. <b>Errors.</b>
 * {@link #load()} never throws for a bad file (it reports notices); {@link #save} throws.
 */
public final class SettingsFile {
    /** The format this build writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The file's name in the profile folder. */
    public static final String FILE_NAME = "settings.json";
    /** The clone policies a file may name (the app's {@code ClonePolicy}, by its command-line name). */
    public static final Set<String> CLONE_POLICIES = Set.of("links", "standard", "never");

    /**
     * The settings: each absent when the user never chose it.
     *
     * @param clonePolicy one of {@link #CLONE_POLICIES}
     */
    public record Settings(Optional<String> clonePolicy) {
        public Settings {
            Objects.requireNonNull(clonePolicy, "clonePolicy");
            clonePolicy.ifPresent(SettingsFile::checkedPolicy);
        }
    }

    /** What {@link #load()} found, and what the user should be told (files moved aside, a file refused). */
    public record Loaded(Settings settings, List<String> notices) {
        public Loaded {
            Objects.requireNonNull(settings, "settings");
            notices = List.copyOf(notices);
        }
    }

    private final EnvelopeFile file;

    public SettingsFile(Path path, Clock clock) {
        this.file = new EnvelopeFile(path, FORMAT_VERSION, "settings", "this run does not save settings.", clock);
    }

    /** Reads the newest good file, moving aside what cannot be read. Never throws for a bad file. */
    public Loaded load() {
        EnvelopeFile.Read<Settings> read = file.read(SettingsFile::settingsOf);
        return new Loaded(read.value().orElse(new Settings(Optional.empty())), read.notices());
    }

    /**
     * Writes {@code settings} as the current file, the previous one kept as the backup.
     *
     * @throws IOException           if it could not be written; the files on disk are as they were
     * @throws IllegalStateException if {@link #load()} found a newer format's file, which must survive
     */
    public void save(Settings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        file.write(root -> settings.clonePolicy().ifPresent(policy -> root.put("clonePolicy", policy)));
    }

    private static Settings settingsOf(JsonNode root) {
        JsonNode policy = root.get("clonePolicy");
        if (policy == null) {
            return new Settings(Optional.empty());
        }
        if (!policy.isTextual()) {
            throw new IllegalArgumentException("\"clonePolicy\" is not a string");
        }
        return new Settings(Optional.of(checkedPolicy(policy.asText())));
    }

    private static String checkedPolicy(String policy) {
        if (!CLONE_POLICIES.contains(policy)) {
            throw new IllegalArgumentException("\"clonePolicy\" must be links, standard or never, not " + policy);
        }
        return policy;
    }
}
