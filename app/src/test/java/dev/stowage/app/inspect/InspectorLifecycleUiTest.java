package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.shell.PanelDock;
import dev.stowage.storage.SessionStorageService;
import java.lang.ref.WeakReference;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;

/**
 * What is left of an inspector the dock let go: nothing. Its parts join the window's scene one per pulse
 * (a pulse listener on that scene); taken out before they all joined, it must not stay registered there,
 * or the window keeps the panel, its inspector and every row it held for as long as it lives.
 */
class InspectorLifecycleUiTest extends InspectorTestBase {
    @Test
    void aPanelReplacedWhileItsPartsAreStillJoiningIsLetGoOf() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/listen"));
        AtomicReference<WeakReference<InspectorPanel>> made = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        fx(() -> {
            window.dock().setPanel(() -> {
                InspectorPanel panel = new InspectorPanel(new Inspector(storage, ForkJoinPool.commonPool(), Platform::runLater),
                        () -> InspectorDock.targets(window), new InspectorFiles(InspectorFiles.DIALOGS,
                        ForkJoinPool.commonPool(), Platform::runLater), window.dock());
                made.set(new WeakReference<>(panel));
                return new PanelDock.Panel() {
                    @Override
                    public Parent node() {
                        return panel;
                    }

                    @Override
                    public void connect() {
                        panel.connect();
                        // Connected, its parts about to join: replaced at once, as a second panel would.
                        Platform.runLater(() -> window.dock().setPanel(EmptyPanel::new));
                    }

                    @Override
                    public void close() {
                        closed.set(true);
                        panel.close();
                    }
                };
            });
            window.dock().setShowing(true);
            return null;
        });
        waitUntil("the inspector replaced by another panel", () -> made.get() != null
                && fx(() -> window.dock().isReady() && (made.get().get() == null || made.get().get().getScene() == null)));
        assertTrue(closed.get(), "the connected inspector was closed when replaced");
        waitUntil("the replaced inspector collected", () -> {
            System.gc();
            return made.get().get() == null;
        });
    }
}
