package dev.stowage.storage;

/**
 * Thrown by a write that would take a {@link StorageArea} over its quota. The area is unchanged.
 *
 * <p>Pages see it as a {@code QuotaExceededError} DOMException.
 */
public final class QuotaExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long quotaBytes;
    private final long requestedBytes;

    /**
     * @param key            the area's storage key (named in the message only)
     * @param quotaBytes     the area's quota
     * @param requestedBytes the bytes the area would have used after the write
     */
    public QuotaExceededException(StorageKey key, long quotaBytes, long requestedBytes) {
        super("sessionStorage quota of " + key + " exceeded: the write needs " + requestedBytes
                + " bytes, the quota is " + quotaBytes + " bytes");
        this.quotaBytes = quotaBytes;
        this.requestedBytes = requestedBytes;
    }

    /** The area's quota in bytes (2 per UTF-16 code unit of key plus value). */
    public long quotaBytes() {
        return quotaBytes;
    }

    /** The bytes the area would have held had the write gone through. */
    public long requestedBytes() {
        return requestedBytes;
    }
}
