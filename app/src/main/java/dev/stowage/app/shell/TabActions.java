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

    void reopenClosed();

    boolean canReopenClosed();

    /** The recently closed tabs, most recent first. */
    java.util.List<dev.stowage.session.TabState> recentlyClosed();

    /** Reopens {@code closed}, an entry of {@link #recentlyClosed()}, unless it was reopened already. */
    void reopenClosed(dev.stowage.session.TabState closed);
}
