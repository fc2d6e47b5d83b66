package dev.stowage.app.download;

import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.DownloadHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * The app's downloads as its windows see them ({@link DownloadHandler}): one {@link Downloads} and one
 * {@link DownloadsPanel} per download folder, shared by every window of the process, so the panel of any
 * window lists them all and a download outlives its tab and its window. FX thread, except
 * {@link #shutdownAll}.
 */
public final class AppDownloads implements DownloadHandler {
    private static final Map<Path, AppDownloads> BY_FOLDER = new HashMap<>();

    private final Downloads downloads;
    private final DownloadsPanel panel;

    private AppDownloads(Downloads downloads, FileOpener opener) {
        this.downloads = downloads;
        this.panel = new DownloadsPanel(downloads, opener);
    }

    /** The downloads into {@code folder}, made on first use. FX thread. */
    public static AppDownloads forFolder(Path folder) {
        return forFolder(folder, FileOpener.DESKTOP);
    }

    /** {@link #forFolder(Path)}, opening files with {@code opener} (tests). FX thread. */
    public static AppDownloads forFolder(Path folder, FileOpener opener) {
        Objects.requireNonNull(opener, "opener");
        synchronized (BY_FOLDER) {
            return BY_FOLDER.computeIfAbsent(Objects.requireNonNull(folder, "folder").toAbsolutePath(),
                    f -> new AppDownloads(new Downloads(f, Platform::runLater), opener));
        }
    }

    /** Cancels every download of the process and waits up to {@code wait} for their partial files to go. */
    public static void shutdownAll(Duration wait) throws InterruptedException {
        List<AppDownloads> all;
        synchronized (BY_FOLDER) {
            all = List.copyOf(BY_FOLDER.values());
        }
        for (AppDownloads each : all) {
            each.downloads.shutdown(wait);
        }
    }

    /** The downloads themselves. */
    public Downloads downloads() {
        return downloads;
    }

    @Override
    public void download(BrowserTab tab, String url, String referer) {
        String userAgent = tab.engine().getUserAgent();
        downloads.start(url, referer, userAgent == null ? "" : userAgent);
    }

    @Override
    public void showPanel(Stage owner) {
        panel.show(owner);
    }

    @Override
    public Node toolbarButton(Stage owner) {
        return DownloadsButton.of(downloads, () -> panel.show(owner));
    }
}
