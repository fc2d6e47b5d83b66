package dev.stowage.session.prefs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.session.file.EnvelopeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The profile's zoom per site, {@code PROFILE/site-zoom.json}: {@code {"format": 1, "sites": {"https://example.com": 1.25}}},
 * a site's zoom factor when it is not 1. Under the rules of every file the app reads back
 * ({@link DamagedFiles}): written through an {@link AtomicFile} (temp file, fsync, rename, the previous file
 * kept as {@code .bak}); read from the file, then its backup; a file that cannot be read is moved aside
 * with a timestamp; a newer format is refused, left untouched, and never saved over.
 *
 * <p><b>Threading.</b> Blocking I/O, one thread at a time; never the FX thread. <b>Errors.</b>
 * {@link #load()} never throws for a bad file (it reports notices); {@link #save} throws.
 */
public final class SiteZoomFile {
    /** The format this build writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The file's name in the profile folder. */
    public static final String FILE_NAME = "site-zoom.json";
    /** The zoom factors a file may hold (Chrome's range, 25% to 500%); others are dropped as damage. */
    public static final double LEAST = 0.25;
    public static final double MOST = 5.0;

    /**
     * What {@link #load()} found.
     *
     * @param zooms   site (its serialisation) to zoom factor, in file order
     * @param notices what the user should be told (files moved aside, a file refused)
     */
    public record Loaded(Map<String, Double> zooms, List<String> notices) {
        public Loaded {
            zooms = Map.copyOf(zooms);
            notices = List.copyOf(notices);
        }
    }

    private final EnvelopeFile file;

    public SiteZoomFile(Path path, Clock clock) {
        this.file = new EnvelopeFile(path, FORMAT_VERSION, "zoom levels", "this run does not save zoom levels.", clock);
    }

    public Path path() {
        return file.path();
    }

    /** Reads the newest good file, moving aside what cannot be read. Never throws for a bad file. */
    public Loaded load() {
        EnvelopeFile.Read<Map<String, Double>> read = file.read(root -> sitesOf(root.get("sites")));
        return new Loaded(read.value().orElse(Map.of()), read.notices());
    }

    /**
     * Writes {@code zooms} as the current file, the previous one kept as the backup.
     *
     * @throws IOException           if it could not be written; the files on disk are as they were
     * @throws IllegalStateException if {@link #load()} found a newer format's file, which must survive
     */
    public void save(Map<String, Double> zooms) throws IOException {
        Objects.requireNonNull(zooms, "zooms");
        zooms.forEach((site, zoom) -> checked(Objects.requireNonNull(zoom, "zoom")));
        file.write(root -> {
            ObjectNode sites = root.putObject("sites");
            zooms.forEach((site, zoom) -> sites.put(Objects.requireNonNull(site, "site"), zoom));
        });
    }

    private static Map<String, Double> sitesOf(JsonNode sites) {
        if (sites == null || !sites.isObject()) {
            throw new IllegalArgumentException("no \"sites\" object");
        }
        Map<String, Double> zooms = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sites.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNumber()) {
                throw new IllegalArgumentException("the zoom of " + entry.getKey() + " is not a number");
            }
            zooms.put(entry.getKey(), checked(entry.getValue().doubleValue()));
        }
        return zooms;
    }

    private static double checked(Double zoom) {
        Objects.requireNonNull(zoom, "zoom");
        if (!(zoom >= LEAST && zoom <= MOST)) {
            throw new IllegalArgumentException("a zoom of " + zoom + " is outside " + LEAST + " to " + MOST);
        }
        return zoom;
    }
}
