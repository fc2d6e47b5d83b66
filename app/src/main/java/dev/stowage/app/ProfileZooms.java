package dev.stowage.app;

import dev.stowage.app.shell.SiteZooms;
import dev.stowage.session.prefs.SiteZoomFile;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The profile's zoom per site: read from {@code PROFILE/site-zoom.json} before any window (off the FX
 * thread), and written on a thread of its own after each change, the latest zooms only. A private run
 * reads and writes nothing. {@link #close()} waits for the last write.
 */
public final class ProfileZooms implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProfileZooms.class.getName());

    private final SiteZooms siteZooms;
    private final ProfileWriter writer;
    private final AtomicReference<Map<String, Double>> pending = new AtomicReference<>();

    private ProfileZooms(Map<String, Double> saved, SiteZoomFile file) {
        if (file == null) {
            writer = null;
            siteZooms = SiteZooms.inMemory();
            return;
        }
        writer = new ProfileWriter("zoom-writer");
        siteZooms = new SiteZooms(saved, zooms -> {
            if (pending.getAndSet(zooms) == null) {
                writer.execute(() -> write(file));
            }
        });
    }

    /**
     * Reads the profile's zooms; blocking, never on the FX thread.
     *
     * @param notices told what the user should know (a damaged file moved aside, a newer one refused)
     */
    public static ProfileZooms load(Path profileDir, boolean privateRun, Consumer<String> notices) {
        Objects.requireNonNull(notices, "notices");
        if (privateRun || profileDir == null) {
            return new ProfileZooms(Map.of(), null);
        }
        SiteZoomFile file = new SiteZoomFile(profileDir.resolve(SiteZoomFile.FILE_NAME), Clock.systemUTC());
        SiteZoomFile.Loaded loaded = file.load();
        loaded.notices().forEach(notices);
        return new ProfileZooms(loaded.zooms(), file);
    }

    /** The zooms the windows share. */
    public SiteZooms siteZooms() {
        return siteZooms;
    }

    private void write(SiteZoomFile file) {
        Map<String, Double> zooms = pending.getAndSet(null);
        if (zooms == null) {
            return;
        }
        try {
            file.save(zooms);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "the zoom levels were not saved", e);
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
