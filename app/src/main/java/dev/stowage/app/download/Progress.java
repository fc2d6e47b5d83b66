package dev.stowage.app.download;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A transfer's progress reports to the FX thread: at most one every
 * {@link Downloads#PROGRESS_INTERVAL_MS} ms and never more than one queued, so a fast download cannot
 * flood the FX thread. The rate is over the last report's interval, smoothed. The transfer's thread only.
 */
final class Progress {
    private final Download download;
    private final Executor fx;
    private final AtomicBoolean queued = new AtomicBoolean();
    private long lastAt = System.nanoTime();
    private long lastBytes;
    private double rate;

    Progress(Download download, Executor fx) {
        this.download = download;
        this.fx = fx;
    }

    void report(long bytes) {
        long now = System.nanoTime();
        long elapsed = now - lastAt;
        if (elapsed < Downloads.PROGRESS_INTERVAL_MS * 1_000_000L) {
            return;
        }
        double instant = (bytes - lastBytes) * 1e9 / elapsed;
        rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
        lastAt = now;
        lastBytes = bytes;
        if (queued.compareAndSet(false, true)) {
            double shown = rate;
            fx.execute(() -> {
                queued.set(false);
                if (download.stateProperty().get() == Download.State.IN_PROGRESS) {
                    download.progressed(bytes, shown);
                }
            });
        }
    }
}
