package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Popups are new tabs: the popup handler attaches the shell's sessionStorage to the new engine, here
 * with a copy of the opener's namespace taken at open time, which needs {@link PageStorage#flush()}
 * because the handler runs inside the opener's script.
 */
class PopupTest {
    @Test
    void aPopupGetsTheShellsStorageWithTheOpenersWritesUpToWindowOpen() {
        SessionStorageService service = Fx.call(SessionStorageService::new);
        SessionNamespace opener = Fx.call(service::createNamespace);
        AtomicReference<PageStorage> popupStorage = new AtomicReference<>();
        AtomicReference<WebView> popupView = new AtomicReference<>();
        AtomicReference<Stage> popupStage = new AtomicReference<>();
        try (TestServer server = new TestServer(); TestTab tab = TestTab.injected(() -> opener)) {
            Fx.run(() -> tab.engine.setCreatePopupHandler(features -> {
                tab.storage.flush(); // the opener's script is still running: its writes so far must count
                SessionNamespace copy = service.cloneNamespace(opener.id());
                WebView view = new WebView();
                popupStorage.set(PageStorage.attach(view.getEngine(), () -> copy));
                Stage stage = new Stage();
                stage.setScene(new Scene(view, 300, 200));
                stage.show();
                popupView.set(view);
                popupStage.set(stage);
                return view.getEngine();
            }));
            tab.load(server.url("/probe.html"));
            tab.eval("sessionStorage.setItem('parent', 'written just before window.open'); window.open('/probe.html?popup')");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String first = null;
            while (System.nanoTime() < deadline) {
                first = Fx.call(() -> popupView.get() == null ? null
                        : (String) popupView.get().getEngine().executeScript("window.__first || null"));
                if (first != null) {
                    break;
                }
                Thread.onSpinWait();
            }
            assertTrue(first != null && first.contains("\"parent\":\"written just before window.open\""),
                    "the popup's first script sees the copy: " + first);
            Fx.run(() -> popupView.get().getEngine().executeScript("sessionStorage.setItem('parent', 'popup only')"));
            assertEquals("written just before window.open", tab.evalString("sessionStorage.getItem('parent')"),
                    "later writes are not shared");
            assertEquals(null, Fx.call(() -> popupStorage.get().failureProperty().get()));
        } finally {
            Fx.run(() -> {
                if (popupStorage.get() != null) {
                    popupStorage.get().close();
                }
                if (popupStage.get() != null) {
                    popupStage.get().close();
                }
            });
        }
    }
}
