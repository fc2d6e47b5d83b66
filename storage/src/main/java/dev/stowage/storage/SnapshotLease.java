package dev.stowage.storage;

import java.util.Objects;

/**
 * A leased {@link AreaSnapshot} ({@link StorageArea#leaseSnapshot()}): the picture may be read on any thread
 * until the lease is closed, which happens on the owner thread once no one reads it any more. Closing lets
 * the area write in place again instead of copying its data on the next write, if no other picture holds
 * it. Closing twice does nothing more.
 */
public final class SnapshotLease implements AutoCloseable {
    private final AreaSnapshot snapshot;
    private final AreaTable pinned;
    private boolean closed;

    SnapshotLease(AreaSnapshot snapshot, AreaTable pinned) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.pinned = Objects.requireNonNull(pinned, "pinned");
    }

    /** The picture; do not read it after {@link #close()}. */
    public AreaSnapshot snapshot() {
        return snapshot;
    }

    /** Gives the picture back; owner thread only. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pinned.unpin();
        }
    }
}
