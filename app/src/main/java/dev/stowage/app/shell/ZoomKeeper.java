package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;

/**
 * Keeps a window's pages at their site's zoom ({@link SiteZooms}): a page takes its site's zoom when it
 * navigates, and zooming one page (Ctrl+plus, Ctrl+minus, Ctrl+0, Ctrl+wheel) zooms every page of its site.
 * A page without a site to remember (a file, about:blank) zooms alone. FX thread only.
 */
final class ZoomKeeper {
    private final WindowModel model;
    private final Function<TabModel, BrowserTab> tabOf;
    private final SiteZooms zooms;
    private final ChangeListener<String> urlChanged;

    /** @param tabOf the open tab behind a tab model, or null while it is dormant */
    ZoomKeeper(WindowModel model, Function<TabModel, BrowserTab> tabOf, SiteZooms zooms) {
        this.model = Objects.requireNonNull(model, "model");
        this.tabOf = Objects.requireNonNull(tabOf, "tabOf");
        this.zooms = Objects.requireNonNull(zooms, "zooms");
        urlChanged = (obs, old, url) -> model.tabs().stream()
                .filter(tab -> tab.urlProperty() == obs).findFirst().ifPresent(this::apply);
        model.tabs().forEach(tab -> tab.urlProperty().addListener(urlChanged));
        model.tabs().addListener((ListChangeListener<TabModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(tab -> tab.urlProperty().removeListener(urlChanged));
                c.getAddedSubList().forEach(tab -> tab.urlProperty().addListener(urlChanged));
            }
        });
        zooms.sites().addListener((MapChangeListener<String, Double>) c -> model.tabs().forEach(tab -> {
            if (SiteZooms.siteOf(tab.urlProperty().get()).filter(c.getKey()::equals).isPresent()) {
                apply(tab);
            }
        }));
    }

    /** Ctrl+wheel over a page zooms it, a step per notch, and does not scroll it. */
    static void followWheel(javafx.scene.Scene scene, ZoomKeeper zoom) {
        scene.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0 && isInPage(e.getTarget())) {
                if (e.getDeltaY() > 0) {
                    zoom.zoomIn();
                } else {
                    zoom.zoomOut();
                }
                e.consume();
            }
        });
    }

    private static boolean isInPage(Object target) {
        for (javafx.scene.Node node = target instanceof javafx.scene.Node n ? n : null; node != null; node = node.getParent()) {
            if (node instanceof javafx.scene.web.WebView) {
                return true;
            }
        }
        return false;
    }

    /** One step in (Ctrl+plus). */
    void zoomIn() {
        zoomSelected(ZoomSteps::in);
    }

    /** One step out (Ctrl+minus). */
    void zoomOut() {
        zoomSelected(ZoomSteps::out);
    }

    /** Back to 100% (Ctrl+0). */
    void reset() {
        zoomSelected(zoom -> 1.0);
    }

    private void zoomSelected(UnaryOperator<Double> step) {
        BrowserTab tab = model.selected() == null ? null : tabOf.apply(model.selected());
        if (tab == null) {
            return;
        }
        double next = step.apply(tab.zoom());
        if (!zooms.set(tab.currentUrl(), next)) {
            tab.setZoom(next);
        }
    }

    private void apply(TabModel tabModel) {
        // After the navigation's own listeners, and only when the zoom differs: a zoom change lays the
        // page out again, which a navigation at 100% (most of them) should not pay for.
        javafx.application.Platform.runLater(() -> {
            BrowserTab tab = tabOf.apply(tabModel);
            if (tab == null) {
                return;
            }
            zooms.zoomOf(tabModel.urlProperty().get()).filter(zoom -> Math.abs(zoom - tab.zoom()) > 1e-9)
                    .ifPresent(tab::setZoom);
        });
    }
}
