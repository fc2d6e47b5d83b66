package dev.stowage.app.shell;

/**
 * Where a window's downloads go ({@link WindowServices#setDownloads}): the app hands them to its downloads.
 * FX thread.
 */
@FunctionalInterface
public interface DownloadHandler {
    /** Drops every download (a window without the app's downloads). */
    DownloadHandler NONE = (tab, url, referer) -> { };

    /**
     * A tab navigated to {@code url}, a response its page cannot show.
     *
     * @param referer the page that led there, or "" (none, or an error page)
     */
    void download(BrowserTab tab, String url, String referer);

    /** Opens the downloads panel over {@code owner} (Ctrl+J, the main menu). */
    default void showPanel(javafx.stage.Stage owner) {
    }

    /** The toolbar's downloads button for the window on {@code owner}: hidden until there is a download. */
    default javafx.scene.Node toolbarButton(javafx.stage.Stage owner) {
        javafx.scene.layout.Region none = new javafx.scene.layout.Region();
        none.setManaged(false);
        return none;
    }
}
