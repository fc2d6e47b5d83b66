package dev.stowage.session;

import java.util.List;
import java.util.Objects;

/**
 * One window as the session keeps it: its tabs in strip order, the selected one, its closed-tab list
 * (most recent first) and where it stood on the screen.
 *
 * @param tabs     the open tabs, in strip order; at least one
 * @param selected the index of the selected tab in {@code tabs}
 * @param closed   the closed-tab list, most recent first
 * @param bounds   the window's position and size
 */
public record WindowState(List<TabState> tabs, int selected, List<TabState> closed, Bounds bounds) {
    /** A window's position and size on the screen, in the toolkit's units. */
    public record Bounds(double x, double y, double width, double height) {
        public Bounds {
            if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                    || !Double.isFinite(width) || !Double.isFinite(height)) {
                throw new IllegalArgumentException("not a window's bounds: " + x + ", " + y + ", " + width + " x " + height);
            }
        }
    }

    /** Validates and takes immutable copies of the lists. */
    public WindowState {
        tabs = List.copyOf(Objects.requireNonNull(tabs, "tabs"));
        closed = List.copyOf(Objects.requireNonNull(closed, "closed"));
        Objects.requireNonNull(bounds, "bounds");
        if (tabs.isEmpty()) {
            throw new IllegalArgumentException("a window has at least one tab");
        }
        if (selected < 0 || selected >= tabs.size()) {
            throw new IllegalArgumentException("selected " + selected + " outside 0.." + (tabs.size() - 1));
        }
    }
}
