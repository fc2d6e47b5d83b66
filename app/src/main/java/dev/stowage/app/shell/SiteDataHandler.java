package dev.stowage.app.shell;

/**
 * What a window's menus ask of the profile's data: to clear one site's sessionStorage (the page menu, the
 * address bar's site menu) and to open Clear browsing data (Ctrl+Shift+Delete). The app plugs in the real
 * one ({@link WindowServices#setSiteData}); without it these do nothing. FX thread.
 */
public interface SiteDataHandler {
    /** Does nothing. */
    SiteDataHandler NONE = new SiteDataHandler() {
        @Override
        public void clearSessionStorage(String pageUrl) {
        }

        @Override
        public void openClearBrowsingData() {
        }
    };

    /** Clears the sessionStorage of {@code pageUrl}'s origin in every tab, open or closed, and the saved session. */
    void clearSessionStorage(String pageUrl);

    /** Opens the Clear browsing data dialog. */
    void openClearBrowsingData();

    /** Whether {@code pageUrl} is of a site whose data can be cleared: http and https pages. */
    static boolean clearable(String pageUrl) {
        return pageUrl != null && (pageUrl.startsWith("http://") || pageUrl.startsWith("https://"));
    }
}
