package dev.stowage.app.shell;

import dev.stowage.storage.Origin;
import dev.stowage.storage.Site;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The zoom of each site, as Chrome remembers it: zooming a page zooms every page of its site, now and after
 * a restart. Only http and https pages have a site to remember; others keep their tab's zoom. A site at 100%
 * is not listed. Every change is handed to the saver (a copy), which writes the profile's file off the FX
 * thread; a private window's zooms have no saver and stay in memory. FX thread only.
 */
public final class SiteZooms {
    /** Remembers nothing beyond this object: for private windows and tests. */
    public static final Consumer<Map<String, Double>> NOT_SAVED = zooms -> { };

    private final ObservableMap<String, Double> bySite = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<String, Double> readOnly = FXCollections.unmodifiableObservableMap(bySite);
    private final Consumer<Map<String, Double>> saver;

    /**
     * @param saved what the profile had (site serialisation to zoom)
     * @param saver told every change, with the whole map
     */
    public SiteZooms(Map<String, Double> saved, Consumer<Map<String, Double>> saver) {
        bySite.putAll(Objects.requireNonNull(saved, "saved"));
        this.saver = Objects.requireNonNull(saver, "saver");
    }

    /** A private window's: nothing saved. */
    public static SiteZooms inMemory() {
        return new SiteZooms(Map.of(), NOT_SAVED);
    }

    /** The site whose zoom {@code url} shares, if it has one to remember. */
    public static Optional<String> siteOf(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return Optional.empty();
        }
        try {
            Site site = Site.of(Origin.of(url));
            return site.isOpaque() ? Optional.empty() : Optional.of(site.serialize());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The remembered zoom of {@code url}'s site; empty when it has no site. */
    public Optional<Double> zoomOf(String url) {
        return siteOf(url).map(site -> bySite.getOrDefault(site, 1.0));
    }

    /** Remembers {@code zoom} for {@code url}'s site; false when it has no site to remember. */
    public boolean set(String url, double zoom) {
        Optional<String> site = siteOf(url);
        if (site.isEmpty()) {
            return false;
        }
        if (ZoomSteps.isDefault(zoom)) {
            bySite.remove(site.get());
        } else {
            bySite.put(site.get(), zoom);
        }
        saver.accept(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bySite)));
        return true;
    }

    /** The remembered zooms, live; read only. */
    public ObservableMap<String, Double> sites() {
        return readOnly; // one wrapper: each new one would follow the map only while someone holds it
    }
}
