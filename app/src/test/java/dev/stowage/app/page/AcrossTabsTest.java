package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * A popup and its opener are two tabs of one window with one origin: each can hand the other's
 * sessionStorage to its own Storage methods and StorageEvent constructor, as in browsers (and as in
 * WebKit's own storage, run here too), while their areas and events stay apart.
 */
class AcrossTabsTest extends PageTestBase {
    // Run in the opener, with `w` the popup's window. One line per check: name=value.
    private static final String CHECKS = String.join("\n",
            "(function () {",
            "  const out = [];",
            "  const seen = [];",
            "  window.addEventListener('storage', (e) => seen.push(e.key));",
            "  w.sessionStorage.setItem('k', 'v');",
            "  out.push('opener method on popup object=' + Storage.prototype.getItem.call(w.sessionStorage, 'k'));",
            "  out.push('opener length getter on popup object='",
            "      + Object.getOwnPropertyDescriptor(Storage.prototype, 'length').get.call(w.sessionStorage));",
            "  Storage.prototype.setItem.call(w.sessionStorage, 'fromOpener', 'o');",
            "  out.push('written through the opener method=' + w.sessionStorage.getItem('fromOpener'));",
            "  out.push('opener area untouched=' + sessionStorage.getItem('fromOpener'));",
            "  out.push('popup method on opener object=' + w.Storage.prototype.getItem.call(sessionStorage, 'mine'));",
            "  out.push('event with popup storage=' + (new StorageEvent('storage', {storageArea: w.sessionStorage}).storageArea === w.sessionStorage));",
            "  out.push('popup event with opener storage=' + (new w.StorageEvent('storage', {storageArea: sessionStorage}).storageArea === sessionStorage));",
            "  window.__seen = seen;",
            "  return out.join('\\n');",
            "})()");
    private static final String EXPECTED = String.join("\n",
            "opener method on popup object=v",
            "opener length getter on popup object=1",
            "written through the opener method=o",
            "opener area untouched=null",
            "popup method on opener object=m",
            "event with popup storage=true",
            "popup event with opener storage=true");

    @Test
    void theShellsStorageObjectsWorkAcrossTabsOfOneWindow() {
        DocumentDirectory directory = Fx.call(DocumentDirectory::new);
        SessionNamespace openerNs = newNamespace();
        AtomicReference<SessionNamespace> popupNs = new AtomicReference<>();
        try (TestTab opener = TestTab.injected(() -> openerNs, directory)) {
            Popup popup = new Popup(opener, (view) -> {
                popupNs.set(service.createNamespace());
                return PageStorage.attach(view.getEngine(), popupNs::get, directory);
            });
            try (popup) {
                assertEquals(EXPECTED, popup.runChecks());
                opener.await("window.__seen !== undefined", Duration.ofSeconds(5));
                Thread.sleep(100);
                assertEquals("", opener.evalString("window.__seen.join()"), "no storage event crosses tabs");
                Fx.run(popup.storage::flush);
                assertEquals("o", Fx.call(() -> popupNs.get().area(Origin.of(server.url("/"))).get("fromOpener")),
                        "the write reached the popup tab's namespace in Java");
                assertEquals(2, (int) Fx.call(directory::size));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals(1, (int) Fx.call(directory::size), "a closed tab leaves the directory");
        }
    }

    @Test
    void webKitsOwnStorageGivesTheSameResults() {
        try (TestTab opener = TestTab.nativeStorage(); Popup popup = new Popup(opener, view -> null)) {
            assertEquals(EXPECTED, popup.runChecks());
        }
    }

    /** The opener's popup: window.open from the opener's page, its engine in a Stage of its own. */
    private final class Popup implements AutoCloseable {
        private final TestTab opener;
        private final AtomicReference<WebView> view = new AtomicReference<>();
        private final AtomicReference<Stage> stage = new AtomicReference<>();
        PageStorage storage;

        Popup(TestTab opener, java.util.function.Function<WebView, PageStorage> attach) {
            this.opener = opener;
            Fx.run(() -> opener.engine.setCreatePopupHandler(features -> {
                WebView popupView = new WebView();
                storage = attach.apply(popupView);
                Stage popupStage = new Stage();
                popupStage.setScene(new Scene(popupView, 300, 200));
                popupStage.show();
                view.set(popupView);
                stage.set(popupStage);
                return popupView.getEngine();
            }));
        }

        String runChecks() {
            opener.load(server.url("/probe.html"));
            opener.eval("sessionStorage.setItem('mine', 'm'); window.w = window.open('/probe.html?popup')");
            opener.await("window.w && w.__first !== undefined", Duration.ofSeconds(10));
            return opener.evalString(CHECKS);
        }

        @Override
        public void close() {
            Fx.run(() -> {
                if (storage != null) {
                    storage.close();
                }
                if (stage.get() != null) {
                    stage.get().close();
                }
            });
        }
    }
}
