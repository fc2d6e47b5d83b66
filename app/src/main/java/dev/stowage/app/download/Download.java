package dev.stowage.app.download;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One download, as the downloads panel shows it: where it comes from, the file it becomes, how far it got
 * and how fast, and how it ended. Its transfer runs on a thread of its own ({@link Downloads}); the
 * properties change on the FX thread only, at most every {@link Downloads#PROGRESS_INTERVAL_MS} ms.
 */
public final class Download {
    /** Where a download stands; every state but {@link #IN_PROGRESS} is final. */
    public enum State {
        /** Bytes are arriving into the {@code .part} file. */
        IN_PROGRESS,
        /** The file is complete under its final name. */
        COMPLETED,
        /** The transfer failed; no partial file is left. */
        FAILED,
        /** The user cancelled; no partial file is left. */
        CANCELLED
    }

    private final String url;
    private final ReadOnlyObjectWrapper<Path> file;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IN_PROGRESS);
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
    private final ReadOnlyLongWrapper total;
    private final ReadOnlyDoubleWrapper bytesPerSecond = new ReadOnlyDoubleWrapper(this, "bytesPerSecond");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private volatile boolean cancelRequested;
    private volatile Runnable abort = () -> { };

    /**
     * @param file  the name it will have when complete (it may still change if that name is taken by then)
     * @param total the size the server announced, or -1
     */
    Download(String url, Path file, long total) {
        this.url = Objects.requireNonNull(url, "url");
        this.file = new ReadOnlyObjectWrapper<>(this, "file", Objects.requireNonNull(file, "file"));
        this.total = new ReadOnlyLongWrapper(this, "total", total);
    }

    /** The URL the bytes come from. */
    public String url() {
        return url;
    }

    /** The file, by its final name (while in progress, the bytes go to the same name plus {@code .part}). */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Bytes written so far. */
    public ReadOnlyLongProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** The size the server announced, or -1 when it did not say. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The recent transfer rate, 0 once it ended. */
    public ReadOnlyDoubleProperty bytesPerSecondProperty() {
        return bytesPerSecond.getReadOnlyProperty();
    }

    /** Why it failed, "" otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Stops the transfer and deletes what it wrote; does nothing once the download ended. Any thread. */
    public void cancel() {
        cancelRequested = true;
        abort.run();
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** What {@link #cancel()} does besides raising the flag: closing the response, so a stalled read ends. */
    void onCancel(Runnable action) {
        abort = Objects.requireNonNull(action, "action");
        if (cancelRequested) {
            action.run();
        }
    }

    // ---- the transfer's reports, FX thread ----

    void progressed(long bytes, double rate) {
        received.set(bytes);
        bytesPerSecond.set(rate);
    }

    void ended(State outcome, Path finalFile, long bytes, String why) {
        if (state.get() != State.IN_PROGRESS) {
            return;
        }
        received.set(bytes);
        bytesPerSecond.set(0);
        if (finalFile != null) {
            file.set(finalFile);
        }
        problem.set(why == null ? "" : why);
        state.set(outcome);
    }
}
