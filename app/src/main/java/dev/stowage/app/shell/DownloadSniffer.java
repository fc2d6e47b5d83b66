package dev.stowage.app.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import javafx.scene.web.WebEngine;

/**
 * Notices a tab's navigation to a response the page cannot show, which WebView drops without a word (see
 * {@code webview-facts.md}), and hands it to a {@link DownloadHandler}.
 *
 * <p><b>How.</b> WebKit ignores such a response (a {@code Content-Disposition: attachment}, or a type it
 * cannot render) and stops the main frame's load with WebKit's error 102, "frame load interrupted by
 * policy change" (measured: {@code LOAD_STOPPED}, the response's type, code 102, the previous page still
 * shown). Only WebKit's load events say so, through the same private {@code WebPage} the find bar and the
 * document-start hook use; {@code WebEngine} only turns CANCELLED. The engine's location then names the
 * download's URL while the old page stays: the sniffer puts the tab's URL and address back to that page.
 * A tab that was opened only for the download (nothing shown yet) is closed, as browsers do.
 *
 * <p>A 204 or 205 answer stops the load the same way; the download's own request sees it and drops it.
 * FX thread only.
 */
final class DownloadSniffer {
    /** WebKit's WebKitErrorFrameLoadInterruptedByPolicyChange. */
    static final int INTERRUPTED_BY_POLICY = 102;
    private static final int PAGE_FINISHED = 1;
    private static final int LOAD_STOPPED = 6;
    private static final int TITLE_RECEIVED = 11;
    private static final int DOCUMENT_AVAILABLE = 14;
    private static final System.Logger LOG = System.getLogger(DownloadSniffer.class.getName());

    private final BrowserTab tab;
    private final DownloadHandler handler;
    private final Runnable closeTab;
    private long mainFrame;
    private String shown = "";
    private String shownTitle = "";

    private DownloadSniffer(BrowserTab tab, DownloadHandler handler, Runnable closeTab) {
        this.tab = tab;
        this.handler = handler;
        this.closeTab = closeTab;
    }

    /**
     * Starts watching {@code tab}; without WebKit's load events (another WebView build) downloads are
     * not noticed, which is logged once per tab.
     *
     * @param closeTab closes the tab (it was opened only for a download)
     */
    static void install(BrowserTab tab, DownloadHandler handler, Runnable closeTab) {
        DownloadSniffer sniffer = new DownloadSniffer(Objects.requireNonNull(tab, "tab"),
                Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(closeTab, "closeTab"));
        try {
            Method getPage = WebEngine.class.getDeclaredMethod("getPage");
            getPage.setAccessible(true);
            Object page = getPage.invoke(tab.engine());
            Class<?> listenerType = Class.forName("com.sun.webkit.LoadListenerClient");
            sniffer.mainFrame = (Long) page.getClass().getMethod("getMainFrame").invoke(page);
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "dispatchLoadEvent" -> {
                            sniffer.onLoadEvent((Long) args[0], (Integer) args[1], (String) args[2], (Integer) args[5]);
                            yield null;
                        }
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "toString" -> "DownloadSniffer";
                        default -> null;
                    });
            page.getClass().getMethod("addLoadListenerClient", listenerType).invoke(page, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "downloads will not be noticed: WebKit's load events are out of reach", e);
        }
    }

    private void onLoadEvent(long frame, int state, String url, int errorCode) {
        if (frame != mainFrame || url == null) {
            return;
        }
        if (state == DOCUMENT_AVAILABLE || state == PAGE_FINISHED || state == TITLE_RECEIVED) {
            shown = url;
            shownTitle = tab.model().titleProperty().get(); // WebEngine's listener, first, has set it
        } else if (state == LOAD_STOPPED && errorCode == INTERRUPTED_BY_POLICY) {
            TabModel.LoadError error = tab.model().errorProperty().get();
            String page = error != null ? error.url() : shown;
            if (page.isEmpty() || page.startsWith("about:")) {
                // A new tab that showed nothing: it closes (not from inside WebKit's event: closing unloads
                // the page); the window's only tab stays a new tab, never with the download's URL.
                tab.model().urlProperty().set("");
                tab.model().addressProperty().set("");
                javafx.application.Platform.runLater(closeTab);
            } else {
                // WebEngine forgot the page's title with the stopped load; the page itself did not change.
                tab.model().urlProperty().set(page);
                tab.model().addressProperty().set(page);
                if (error == null) {
                    tab.model().titleProperty().set(shownTitle);
                }
            }
            handler.download(tab, url, error != null ? "" : shown);
        }
    }
}
