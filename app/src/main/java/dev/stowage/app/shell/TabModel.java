package dev.stowage.app.shell;

import java.net.URI;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/**
 * The state of one tab that views show: title, URL, what the address bar holds, loading progress, the
 * hovered link, the last load error, and the favicon.
 *
 * <p>Owned and mutated on the JavaFX application thread only (views bind to it). It needs no screen, so
 * it is unit-tested without one. {@link #id()} is stable for the tab's life and is the key the storage
 * layer uses for the tab's sessionStorage namespace.
 */
public final class TabModel {
    /** A load that failed: which URL and why, as WebView reported it. */
    public record LoadError(String url, String reason) {
        public LoadError {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final String id;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty hoveredLink = new SimpleStringProperty(this, "hoveredLink", "");
    private final ObjectProperty<LoadError> error = new SimpleObjectProperty<>(this, "error");
    private final BooleanProperty canGoBack = new SimpleBooleanProperty(this, "canGoBack", false);
    private final BooleanProperty canGoForward = new SimpleBooleanProperty(this, "canGoForward", false);
    private final ObjectProperty<Image> favicon = new SimpleObjectProperty<>(this, "favicon");
    private final StringProperty faviconData = new SimpleStringProperty(this, "faviconData", "");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final StringBinding label;

    public TabModel(String id) {
        this.id = Objects.requireNonNull(id, "id");
        this.label = Bindings.createStringBinding(() -> labelFor(title.get(), url.get()), title, url);
    }

    /** What a tab shows as its label: the page title, else the URL's host, else "New Tab". */
    public static String labelFor(String title, String url) {
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        if (url == null || url.isBlank() || url.equals("about:blank")) {
            return "New Tab";
        }
        try {
            String host = URI.create(url).getHost();
            return host != null && !host.isEmpty() ? host : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    public String id() {
        return id;
    }

    /** The page's zoom factor, 1 for 100%; the tab sets it. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The committed location of the page (not changed by the error page). */
    public StringProperty urlProperty() {
        return url;
    }

    /** What the address bar shows: the page's URL, or the text the user typed while it loads or failed. */
    public StringProperty addressProperty() {
        return address;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty hoveredLinkProperty() {
        return hoveredLink;
    }

    /** Non-null while the tab shows an error page instead of a page. */
    public ObjectProperty<LoadError> errorProperty() {
        return error;
    }

    public BooleanProperty canGoBackProperty() {
        return canGoBack;
    }

    public BooleanProperty canGoForwardProperty() {
        return canGoForward;
    }

    public ObjectProperty<Image> faviconProperty() {
        return favicon;
    }

    /** The favicon's image data as a {@code data:} URL, or "" (what a saved session keeps of it). */
    public StringProperty faviconDataProperty() {
        return faviconData;
    }

    /** Tab label: see {@link #labelFor}. */
    public StringBinding labelBinding() {
        return label;
    }

    @Override
    public String toString() {
        return "TabModel[" + id + " " + url.get() + "]";
    }
}
