package dev.stowage.app;

import dev.stowage.app.shell.ClonePolicy;
import dev.stowage.session.prefs.SettingsFile;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The profile's settings: the clone policy the main menu chooses, read from {@code PROFILE/settings.json}
 * before any window (off the FX thread) and written on a thread of its own after each change. A
 * {@code --clone-policy} on the command line wins for its run; a choice in the menu is saved. A private run
 * reads and writes nothing. {@link #close()} waits for the last write.
 */
public final class ProfileSettings implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProfileSettings.class.getName());

    private final ObjectProperty<ClonePolicy> clonePolicy;
    private final ProfileWriter writer;

    private ProfileSettings(ClonePolicy start, SettingsFile file) {
        clonePolicy = new SimpleObjectProperty<>(this, "clonePolicy", start);
        if (file == null) {
            writer = null;
            return;
        }
        writer = new ProfileWriter("settings-writer");
        clonePolicy.addListener((obs, old, now) -> {
            SettingsFile.Settings settings = new SettingsFile.Settings(Optional.of(now.name().toLowerCase(Locale.ROOT)));
            writer.execute(() -> write(file, settings));
        });
    }

    /**
     * Reads the profile's settings; blocking, never on the FX thread.
     *
     * @param fromCommandLine the run's {@code --clone-policy}, if it had one
     * @param notices         told what the user should know (a damaged file moved aside, a newer one refused)
     */
    public static ProfileSettings load(Path profileDir, boolean privateRun, Optional<ClonePolicy> fromCommandLine,
                                       Consumer<String> notices) {
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(fromCommandLine, "fromCommandLine");
        if (privateRun || profileDir == null) {
            return new ProfileSettings(fromCommandLine.orElse(ClonePolicy.LINKS), null);
        }
        SettingsFile file = new SettingsFile(profileDir.resolve(SettingsFile.FILE_NAME), Clock.systemUTC());
        SettingsFile.Loaded loaded = file.load();
        loaded.notices().forEach(notices);
        ClonePolicy saved = loaded.settings().clonePolicy().map(ClonePolicy::parse).orElse(ClonePolicy.LINKS);
        return new ProfileSettings(fromCommandLine.orElse(saved), file);
    }

    /** The clone policy every window of the run follows; FX thread. */
    public ObjectProperty<ClonePolicy> clonePolicy() {
        return clonePolicy;
    }

    private static void write(SettingsFile file, SettingsFile.Settings settings) {
        try {
            file.save(settings);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "the settings were not saved", e);
        }
    }

    /** Waits up to 5 s for the last change to be written. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
