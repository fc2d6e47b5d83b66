package dev.stowage.app.download;

import java.net.CookieHandler;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The process's downloads (Electron's {@code will-download} and {@code setDownloadPath}): a response a page
 * cannot show is fetched again by the shell, with the profile's cookies and the page's Referer, into
 * {@link #directory()}: through a {@code .part} file, renamed when complete, never over an existing file
 * ({@code name (1).ext}). A failed or cancelled download leaves no partial file. Downloads do not belong to
 * a tab and keep going when it closes; {@link #cancelAll()} when the app quits.
 *
 * <p><b>Threading.</b> {@link #start} and {@link #list()} on the FX thread; each transfer runs on a daemon
 * thread of its own and reports to the FX thread through {@code fx}.
 */
public final class Downloads {
    /** The most often a transfer updates its {@link Download}'s progress. */
    static final long PROGRESS_INTERVAL_MS = 100;

    private final Path directory;
    private final java.util.concurrent.Executor fx;
    private final ObservableList<Download> list = FXCollections.observableArrayList();
    private final ExecutorService transfers;
    private final HttpClient client;
    /** What {@link #shutdown} cancels: the transfers' own list, readable from any thread. */
    private final java.util.Set<Download> inProgress = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * @param directory where files go; created (with its parents) at the first download if missing
     * @param fx        runs a task on the FX thread ({@code Platform::runLater})
     */
    public Downloads(Path directory, java.util.concurrent.Executor fx) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.fx = Objects.requireNonNull(fx, "fx");
        AtomicInteger n = new AtomicInteger();
        transfers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stowage-download-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).executor(transfers);
        // The same store WebView's own requests use: the profile's cookies, or a private run's in memory.
        CookieHandler cookies = CookieHandler.getDefault();
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        client = builder.build();
    }

    /** The folder downloads go to: {@code --download-dir}, or the user's Downloads folder. */
    public Path directory() {
        return directory;
    }

    /** Every download of this run, oldest first: in progress and ended. FX thread. */
    public ObservableList<Download> list() {
        return list;
    }

    /**
     * Fetches {@code url} again and saves the response; the download joins {@link #list()} once the server
     * answered (a 204 or 205 answer, "nothing to show", is no download).
     *
     * @param referer the page that led there, sent as the Referer under the usual policy (full URL to the
     *                same origin, the origin elsewhere, nothing from https to http); may be empty
     */
    public void start(String url, String referer) {
        start(url, referer, "");
    }

    /** {@link #start(String, String)} asking as {@code userAgent} does (the page's WebView; "" for Java's). */
    public void start(String url, String referer, String userAgent) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(referer, "referer");
        Objects.requireNonNull(userAgent, "userAgent");
        if (cancelled) {
            return;
        }
        transfers.execute(new Transfer(client, url, Referers.forRequest(referer, url), userAgent, directory, fx,
                download -> list.add(download), inProgress));
    }

    /**
     * Cancels every download still in progress and waits up to {@code wait} for their transfers to delete
     * their partial files (the app quits next). Blocks: not on the FX thread. A transfer whose response
     * has not arrived yet is stopped by interruption and has written nothing.
     */
    public void shutdown(Duration wait) throws InterruptedException {
        cancelled = true;
        for (Download download : inProgress) {
            download.cancel();
        }
        transfers.shutdownNow();
        transfers.awaitTermination(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
