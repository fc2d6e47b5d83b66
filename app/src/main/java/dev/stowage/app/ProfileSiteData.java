package dev.stowage.app;

import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.SiteDataHandler;
import dev.stowage.storage.Origin;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a window's menus do with the profile's data, through {@link BrowsingData}. FX thread. */
final class ProfileSiteData implements SiteDataHandler {
    private final BrowsingData data;
    private final BrowserWindow window;

    ProfileSiteData(BrowsingData data, BrowserWindow window) {
        this.data = Objects.requireNonNull(data, "data");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void clearSessionStorage(String pageUrl) {
        if (!SiteDataHandler.clearable(pageUrl)) {
            return;
        }
        data.clearStorageData(Optional.of(Origin.of(pageUrl)), Set.of(BrowsingData.Kind.SESSION_STORAGE));
    }

    @Override
    public void openClearBrowsingData() {
        ClearDataDialog.show(window.stage(), data);
    }
}
