package dev.stowage.app.page;

/**
 * What a tab's documents may ask of the shell besides storage, through the same narrow bridge
 * ({@link DocumentBridge#apply}): only announcements the shell needs because WebKit does not tell it.
 * Every argument is a string from an untrusted page; an implementation treats it as a claim about the
 * page's own tab, never as a way to reach another.
 *
 * <p><b>Threading.</b> Called on the FX thread, synchronously inside the page's script.
 */
public interface PageRequests {
    /** Ignores every request. */
    PageRequests NONE = new PageRequests() {
        @Override
        public void openIntent(String kind, String url, String target, String flags) {
        }

        @Override
        public void historyGo(int delta) {
        }
    };

    /**
     * A document is about to open a new tab (WebKit's popup handler runs right after, in the same script).
     *
     * @param kind   {@code script}, {@code link} or {@code form}
     * @param url    the absolute URL to open, as the page resolved it
     * @param target the target name ({@code _blank} or a name)
     * @param flags  space-separated among {@code noopener}, {@code noreferrer}, {@code opener}
     */
    void openIntent(String kind, String url, String target, String flags);

    /**
     * The tab's main document called {@code history.back()} ({@code -1}), {@code forward()} ({@code 1}) or
     * {@code go(delta)}: the shell's history decides, since it may hold entries WebKit never saw. Only the
     * main frame's documents send this.
     */
    void historyGo(int delta);

    /**
     * Whether the tab's top-level documents start with {@code window.opener} null: a page opened the tab
     * with {@code noopener}, which WebKit here ignores. Asked by Java, never by a page, when a main-frame
     * document starts.
     */
    default boolean withoutOpener() {
        return false;
    }
}
