package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorageKeyTest {
    private static final Origin NEWS = Origin.of("https://news.com");
    private static final Origin WWW_NEWS = Origin.of("https://www.news.com");
    private static final Origin TRACKER = Origin.of("https://tracker.com");

    @Test
    void aCrossSiteFramesKeyIsNotItsOriginsFirstPartyKey() {
        StorageKey framed = new StorageKey(TRACKER, Site.of(NEWS));
        assertFalse(framed.isFirstParty());
        assertNotEquals(StorageKey.firstParty(TRACKER), framed);
        assertEquals(TRACKER, framed.origin());
    }

    @Test
    void aSameSiteFramesKeyIsItsOriginsFirstPartyKey() {
        StorageKey framed = new StorageKey(WWW_NEWS, Site.of(NEWS));
        assertTrue(framed.isFirstParty());
        assertEquals(StorageKey.firstParty(WWW_NEWS), framed);
        assertEquals(StorageKey.firstParty(WWW_NEWS).hashCode(), framed.hashCode());
    }

    @Test
    void opaqueOriginsHaveNoKeyButOpaqueTopLevelSitesDo() {
        assertThrows(IllegalArgumentException.class, () -> StorageKey.firstParty(Origin.opaque()));
        assertThrows(IllegalArgumentException.class, () -> new StorageKey(Origin.opaque(), Site.of(NEWS)));
        assertThrows(NullPointerException.class, () -> new StorageKey(NEWS, null));
        StorageKey underOpaque = new StorageKey(NEWS, Site.of(Origin.opaque()));
        assertFalse(underOpaque.isFirstParty());
        assertThrows(IllegalStateException.class, underOpaque::serialize, "such partitions are never saved");
    }

    @Test
    void serialisationRoundTripsOneSpellingPerKey() {
        assertEquals("https://news.com", StorageKey.firstParty(NEWS).serialize());
        assertEquals("https://tracker.com^https://news.com", new StorageKey(TRACKER, Site.of(NEWS)).serialize());
        for (StorageKey key : new StorageKey[] {StorageKey.firstParty(NEWS), new StorageKey(TRACKER, Site.of(NEWS)),
                new StorageKey(Origin.of("http://localhost:8080"), Site.of(Origin.of("http://127.0.0.1:8080"))),
                StorageKey.firstParty(Origin.of("file:///x"))}) {
            assertEquals(key, StorageKey.fromSerialized(key.serialize()));
        }
        assertThrows(IllegalArgumentException.class,
                () -> StorageKey.fromSerialized("https://www.news.com^https://news.com"),
                "a first-party key is written as its origin alone");
        assertThrows(IllegalArgumentException.class, () -> StorageKey.fromSerialized("https://t.com^https://www.news.com"));
        assertThrows(IllegalArgumentException.class, () -> StorageKey.fromSerialized("https://t.com^null"));
    }
}
