package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document cache's packed form (install parts 4 and 5), from the first item or from a few: the conformance
 * page passes as it does with a Map, and a long random churn reads back exactly what a model Map holds, in
 * the page, in Java's area, in a document seeded from Java and in one seeded by a live donor.
 */
class ItemStoreTest extends PageTestBase {

    private static TestTab packedTab(SessionNamespace ns, int packFrom) {
        TestTab tab = TestTab.injected(() -> ns);
        Fx.run(() -> tab.storage.packItemsFrom(packFrom));
        return tab;
    }

    @BeforeAll
    static void pages() {
        server.page("/listed.html", "<!doctype html><title>listed</title><script>window.listed = function () {"
                + " const list = []; for (let i = 0; i < sessionStorage.length; i++) {"
                + " const k = sessionStorage.key(i); list.push(k, sessionStorage.getItem(k)); }"
                + " return JSON.stringify(list); };</script><body>listed</body>");
    }

    @Test
    void theConformancePagePassesWithPackedItems() {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = packedTab(ns, 0)) {
            tab.run(server.url("/storage-object.html")).assertAllPass(100);
        }
    }

    @Test
    void aLongChurnReadsBackWhatAModelHolds() {
        churn(0, 11);
    }

    /** From 100 items: the Map's items move into the packed form, and a clear goes back to a Map. */
    @Test
    void aChurnAcrossTheThresholdReadsBackWhatAModelHolds() {
        churn(100, 5);
    }

    private void churn(int packFrom, int seed) {
        SessionNamespace ns = newNamespace();
        try (TestTab tab = packedTab(ns, packFrom)) {
            tab.run(server.url("/item-store.html?ops=30000&keys=700&seed=" + seed)).assertAllPass(3);
            List<String> expected = JsonStrings.decodeArray(tab.evalString("expected()"));
            Fx.run(() -> tab.storage.flush());
            Origin origin = Origin.of(server.url("/"));
            Map<String, String> java = Fx.call(() -> ns.area(origin).getAll());
            List<String> javaList = new ArrayList<>();
            java.forEach((k, v) -> {
                javaList.add(k);
                javaList.add(v);
            });
            assertEquals(expected, javaList, "Java's area after the churn");

            // Seeded from Java's JSON.
            tab.load(server.url("/listed.html"));
            assertEquals(expected, JsonStrings.decodeArray(tab.evalString("listed()")), "seeded from Java");

            // Seeded by a live donor: a same-origin frame takes its parent's list.
            tab.eval("window.__frame = document.createElement('iframe'); __frame.src = '/listed.html';"
                    + "document.body.appendChild(__frame); 0");
            tab.await("__frame.contentWindow && __frame.contentWindow.listed", Duration.ofSeconds(10));
            assertEquals(expected, JsonStrings.decodeArray(tab.evalString("__frame.contentWindow.listed()")),
                    "seeded by a donor");
        }
    }
}
