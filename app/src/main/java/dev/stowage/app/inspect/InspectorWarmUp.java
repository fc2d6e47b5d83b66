package dev.stowage.app.inspect;

import dev.stowage.app.shell.PanelDock;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the inspector's own code once, off the FX thread, so that the first F12 in a process does not pay
 * there for loading its classes and linking its lambdas. Making and connecting the panel took 40-80 ms of
 * the FX thread the first time (about 160 classes loaded, 90 of them lambdas) against 6-10 ms once warm
 * (docs/BENCHMARKS.md).
 *
 * <p><b>Why off the FX thread is safe here.</b> It makes a throwaway inspector over a storage service of its
 * own (confined to the warm-up's thread, as every service is to its owner thread) and a panel that never
 * joins a scene. JavaFX lets nodes be made and changed on any thread until they are in a scene a window
 * shows; what must not happen off the FX thread is styling and laying out controls, which measure text
 * through one text layout shared with the FX thread (see {@link PanelDock}). A panel in no scene gets no
 * skin, no CSS and no layout, so the controls' first styling is still paid on the FX thread when the real
 * panel joins the window.
 */
public final class InspectorWarmUp {
    private static final System.Logger LOG = System.getLogger(InspectorWarmUp.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Void> FINISHED = new CompletableFuture<>();

    private InspectorWarmUp() {
    }

    /**
     * Warms the inspector up in a task on {@code background}, the first time it is called in the process;
     * later calls do nothing. A warm-up that fails costs only the first opening's speed: it is logged. Any
     * thread.
     */
    public static void startOnce(Executor background) {
        if (STARTED.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    warm();
                    FINISHED.complete(null);
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.WARNING, "the storage inspector's warm-up failed; its first opening will be slower", e);
                    FINISHED.completeExceptionally(e);
                }
            });
        }
    }

    /** Completes when the process's warm-up has run (exceptionally if it failed); never, before it starts. */
    static CompletableFuture<Void> finished() {
        return FINISHED;
    }

    /**
     * The warm-up itself, on the calling thread, which should not be the FX thread (it would hold it for what
     * it saves): an inspector shows a small namespace through its panel, filters, edits and lets go.
     *
     * @throws RuntimeException if any of that fails
     */
    static void warm() {
        SessionStorageService service = new SessionStorageService();
        SessionNamespace namespace = service.createNamespace();
        namespace.area(Origin.of("https://warm-up.invalid")).set(Map.of("key", "{\"a\": [1, \"b\"]}", "other", "value"));
        Inspector inspector = new Inspector(service, Runnable::run, Runnable::run);
        InspectorPanel panel = new InspectorPanel(inspector,
                () -> List.of(new InspectTarget("warm-up", () -> Optional.of(namespace.id()), true)),
                new InspectorFiles(InspectorFiles.DIALOGS, Runnable::run, Runnable::run), new PanelDock());
        panel.connect();
        if (panel.table().getItems().size() != 2) {
            throw new IllegalStateException("the warm-up's inspector showed " + panel.table().getItems().size() + " rows, not 2");
        }
        inspector.setFilter(ItemFilter.parse("/val/"));
        inspector.setFilter(ItemFilter.ALL);
        inspector.set("added", "value");
        inspector.remove(List.of("added"));
        panel.close();
    }
}
