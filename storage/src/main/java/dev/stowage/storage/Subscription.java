package dev.stowage.storage;

/** A registration that can be undone. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    /** Stops the registration; never throws. */
    @Override
    void close();
}
