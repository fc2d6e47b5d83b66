package dev.stowage.app.shell;

/**
 * What the tab strip, the menus and the shortcuts can ask of a window. Implemented by {@link BrowserWindow};
 * views call it on the JavaFX application thread.
 */
interface TabActions {
    void select(TabModel tab);

    void newTab();

    void close(TabModel tab);

    void closeOthers(TabModel tab);

    void closeRightOf(TabModel tab);

    void reload(TabModel tab);

    void duplicate(TabModel tab);

    /** Moves {@code tab} into a new window of its kind, with its page, history and storage. */
    void moveToNewWindow(TabModel tab);

    /** Moves {@code tab} to {@code index} in this window's strip (a drag along the strip). */
    void moveTab(TabModel tab, int index);

    /**
     * {@code tab} was dragged off the strip and let go at ({@code screenX}, {@code screenY}): it goes to the
     * window whose strip is there, or else to a new window there, with its page, history and storage.
     */
    void dropTab(TabModel tab, double screenX, double screenY);

    /**
     * {@code tab} is being dragged off the strip, at ({@code screenX}, {@code screenY}): the window whose strip
     * is there marks where it would go. NaN: the drag is back on the strip, or over.
     */
    void dragOver(TabModel tab, double screenX, double screenY);

    void reopenClosed();

    boolean canReopenClosed();

    /** The recently closed tabs, most recent first. */
    java.util.List<dev.stowage.session.TabState> recentlyClosed();

    /** Reopens {@code closed}, an entry of {@link #recentlyClosed()}, unless it was reopened already. */
    void reopenClosed(dev.stowage.session.TabState closed);
}
