package dev.stowage.app.inspect;

import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.PanelDock;
import dev.stowage.app.shell.TabModel;
import dev.stowage.session.TabState;
import dev.stowage.storage.SessionStorageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.util.Duration;

/**
 * Puts the storage inspector in a window's dock (F12, Ctrl+Shift+I). It follows the window's selected tab and
 * can be pointed at any open tab or any closed tab that Ctrl+Shift+T can still bring back.
 *
 * <p>It is made ahead, hidden, as soon as the process has had no input for {@link #PREPARE_AFTER} after the
 * window shows (or when first shown, if that comes first; see {@link PanelDock}), and each of its parts joins
 * the window only after such a pause too, until someone asks for it. FX thread.
 */
public final class InspectorDock {
    /**
     * How long the process goes without input (in any window) before a window's inspector is made ahead, and
     * before each of its parts joins the window: the first F12 of a process otherwise spends several frames
     * loading and styling it (docs/BENCHMARKS.md). Short, so that few first F12s find it unmade; a pause, so
     * that the making's cold frames do not land on the person's typing.
     */
    static final Duration PREPARE_AFTER = Duration.seconds(1);

    private InspectorDock() {
    }

    /** Makes the inspector {@code window}'s docked panel; {@code asker} picks the files of export and import. */
    public static void install(BrowserWindow window, SessionStorageService service, InspectorFiles.FileAsker asker) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(asker, "asker");
        Executor background = ForkJoinPool.commonPool();
        window.dock().setPanel(() -> {
            InspectorPanel panel = new InspectorPanel(new Inspector(service, background, Platform::runLater),
                    () -> targets(window), new InspectorFiles(asker, background, Platform::runLater), window.dock());
            ChangeListener<TabModel> selectionMoved = (obs, old, tab) -> panel.selectionMoved();
            ListChangeListener<TabModel> tabsChanged = c -> panel.selectionMoved();
            return new PanelDock.Panel() {
                @Override
                public Parent node() {
                    return panel;
                }

                @Override
                public void connect() {
                    panel.connect();
                    window.model().selectedProperty().addListener(selectionMoved);
                    // A tab gets its namespace with its page: a restored tab's first selection, a new tab's first load.
                    window.model().tabs().addListener(tabsChanged);
                }

                @Override
                public void close() {
                    window.model().selectedProperty().removeListener(selectionMoved);
                    window.model().tabs().removeListener(tabsChanged);
                    panel.close();
                }
            };
        }, PREPARE_AFTER);
    }

    /** The selected tab (followed), each open tab, then each closed tab, most recent first. */
    static List<InspectTarget> targets(BrowserWindow window) {
        List<InspectTarget> targets = new ArrayList<>();
        targets.add(new InspectTarget("Selected tab", () -> Optional.ofNullable(window.model().selected())
                .flatMap(window::namespaceIdOf), true));
        List<TabModel> tabs = window.model().tabs();
        for (int i = 0; i < tabs.size(); i++) {
            TabModel tab = tabs.get(i);
            targets.add(new InspectTarget("Tab " + (i + 1) + ": " + tab.labelBinding().get(),
                    () -> window.namespaceIdOf(tab), false));
        }
        for (TabState closed : window.recentlyClosed()) {
            String id = closed.namespaceId();
            targets.add(new InspectTarget("Closed: " + TabModel.labelFor(closed.title(), closed.current().url()),
                    () -> id.isEmpty() ? Optional.empty() : Optional.of(id), false));
        }
        return targets;
    }
}
