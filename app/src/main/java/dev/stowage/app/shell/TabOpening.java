package dev.stowage.app.shell;

import java.util.Objects;

/**
 * How a tab is to be opened: what it loads, where it goes in the strip, the storage it starts with, and
 * its ties to the tab it was opened from.
 *
 * @param url           what to load now; null for nothing (a new-tab page, or a popup WebKit will load)
 * @param index         its place in the strip (clamped)
 * @param select        whether it becomes the selected tab
 * @param opener        the tab it was opened from, or null
 * @param start         the storage it starts with
 * @param name          the target name a page gave it, or null
 * @param withoutOpener its pages must disown the opener WebKit gives them ({@code noopener})
 * @param related       it joins its opener's group: the tabs that may find each other by name (the HTML
 *                      Standard's browsing context group); false starts a group of its own
 */
record TabOpening(String url, int index, boolean select, BrowserTab opener, TabStart start, String name,
                  boolean withoutOpener, boolean related) {
    TabOpening {
        Objects.requireNonNull(start, "start");
        if (related && opener == null) {
            throw new IllegalArgumentException("only a tab with an opener can join its group");
        }
    }

    /** A tab of its own: empty storage, no opener. */
    static TabOpening fresh(String url, int index, boolean select) {
        return new TabOpening(url, index, select, null, TabStart.FRESH, null, false, false);
    }
}
