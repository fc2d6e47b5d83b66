package dev.stowage.app.shell;

import java.util.Objects;
import javafx.stage.Stage;

/**
 * What the app plugs into a window ({@link BrowserWindow#services()}): clearing site data, downloads and the
 * profile's closed windows.
 * Until the app plugs them in, the window's menus and keys for them do nothing. FX thread.
 */
public final class WindowServices {
    private final Stage stage;
    private final NavigationBar navigation;
    private final TabFactory pages;
    private SiteDataHandler siteData = SiteDataHandler.NONE;
    private ClosedWindows closedWindows = ClosedWindows.NONE;

    WindowServices(Stage stage, NavigationBar navigation, TabFactory pages) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.navigation = Objects.requireNonNull(navigation, "navigation");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** Makes {@code handler} what the window's menus use to clear site data. */
    public void setSiteData(SiteDataHandler handler) {
        this.siteData = Objects.requireNonNull(handler, "handler");
    }

    /** Makes {@code handler} where the window's downloads go, and puts its button in the toolbar. */
    public void setDownloads(DownloadHandler handler) {
        pages.setDownloads(handler);
        navigation.addBeforeEnd(handler.toolbarButton(stage));
    }

    /** Makes {@code windows} the profile's closed windows (the session keeper). */
    public void setClosedWindows(ClosedWindows windows) {
        this.closedWindows = Objects.requireNonNull(windows, "windows");
    }

    ClosedWindows closedWindows() {
        return closedWindows;
    }

    /** The page menu's and the site menu's "Clear sessionStorage for this site". */
    void clearSessionStorage(String pageUrl) {
        siteData.clearSessionStorage(pageUrl);
    }

    /** Ctrl+Shift+Delete and the main menu. */
    void openClearBrowsingData() {
        siteData.openClearBrowsingData();
    }

    /** Ctrl+J, the main menu. */
    void showDownloads() {
        pages.downloads().showPanel(stage);
    }
}
