package dev.stowage.storage;

import java.util.Objects;

/**
 * What one {@link StorageArea} of a {@link SessionNamespace} belongs to: a document's origin <em>and</em>
 * the site of its tab's top-level document, the Storage Standard's <em>storage key</em> under storage
 * partitioning (Chrome 115+, Firefox, Safari).
 *
 * <p>A cross-site iframe therefore gets an area of its own: {@code https://tracker.example} framed by a page
 * of {@code https://news.example} is key (tracker, news), and the tracker's own top-level pages use key
 * (tracker, tracker); they never see each other's items. A document whose origin is same-site with the
 * top-level page ({@code https://www.a.example} under {@code https://a.example}, and the top-level document
 * itself) has a <em>first-party</em> key, {@link #firstParty(Origin)}, which is the key every one of that
 * origin's top-level pages uses.
 *
 * <p>Who decides the top-level site matters: it must come from the shell's own knowledge of the tab's main
 * frame, never from a page (see the app's {@code PageStorage}).
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param origin       the document's origin; never opaque (opaque documents have no storage)
 * @param topLevelSite the site of the tab's top-level document; opaque when that document's origin is
 */
public record StorageKey(Origin origin, Site topLevelSite) {
    /** Separates a partitioned key's two halves in {@link #serialize()}; no serialised origin contains it. */
    private static final char SEPARATOR = '^';

    /**
     * @throws NullPointerException     if either part is null
     * @throws IllegalArgumentException if {@code origin} is opaque
     */
    public StorageKey {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(topLevelSite, "topLevelSite");
        if (origin.isOpaque()) {
            throw new IllegalArgumentException("an opaque origin has no sessionStorage");
        }
    }

    /**
     * The key of {@code origin}'s documents when the tab's top-level document is of {@code origin}'s own site:
     * its top-level pages and its same-site frames.
     *
     * @throws IllegalArgumentException if {@code origin} is opaque
     */
    public static StorageKey firstParty(Origin origin) {
        return new StorageKey(origin, Site.of(Objects.requireNonNull(origin, "origin")));
    }

    /** Whether the origin is same-site with the top-level document (not a cross-site frame's partition). */
    public boolean isFirstParty() {
        return topLevelSite.equals(Site.of(origin));
    }

    /**
     * A stable text form for saved sessions: the origin alone for a first-party key (so a first-party key
     * reads like the origin it is), {@code origin^site} otherwise, as Chromium writes its storage keys.
     *
     * @throws IllegalStateException if the top-level site is opaque: such a partition lives only as long as
     *                               its top-level document and is never saved
     */
    public String serialize() {
        if (topLevelSite.isOpaque()) {
            throw new IllegalStateException("a partition under an opaque top-level site cannot be saved");
        }
        return isFirstParty() ? origin.serialize() : origin.serialize() + SEPARATOR + topLevelSite.serialize();
    }

    /**
     * Parses {@link #serialize()}'s form; strict, for reading saved sessions.
     *
     * @throws IllegalArgumentException if {@code serialized} is not such a form, or names a first-party key
     *                                  in the partitioned form
     */
    public static StorageKey fromSerialized(String serialized) {
        Objects.requireNonNull(serialized, "serialized");
        int at = serialized.indexOf(SEPARATOR);
        if (at < 0) {
            return firstParty(Origin.fromSerialized(serialized));
        }
        StorageKey key = new StorageKey(Origin.fromSerialized(serialized.substring(0, at)),
                Site.fromSerialized(serialized.substring(at + 1)));
        if (key.isFirstParty()) {
            // One key, one spelling: otherwise two saved areas could name the same partition.
            throw new IllegalArgumentException("a first-party key is written as its origin: \"" + serialized + "\"");
        }
        return key;
    }

    @Override
    public String toString() {
        return topLevelSite.isOpaque() || !isFirstParty()
                ? origin + " under " + topLevelSite
                : origin.toString();
    }
}
