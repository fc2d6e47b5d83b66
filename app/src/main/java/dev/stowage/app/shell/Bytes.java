package dev.stowage.app.shell;

import java.util.Locale;

/** Byte counts as a person reads them: 512 B, 12.3 KB, 5 MiB (binary multiples, as the quota is). */
public final class Bytes {
    private Bytes() {
    }

    public static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        double mib = bytes / (1024.0 * 1024);
        return mib == Math.rint(mib) ? String.format(Locale.ROOT, "%.0f MiB", mib)
                : String.format(Locale.ROOT, "%.1f MiB", mib);
    }
}
