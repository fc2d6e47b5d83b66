package dev.stowage.app.shell;

import javafx.scene.web.WebEngine;
import org.w3c.dom.Document;

/**
 * The DOM of the page a tab shows. {@code WebEngine.getDocument()} is null after a load that WebKit stopped
 * while the old page stayed (a download, a 204 answer; measured), until the next load; the page's own
 * {@code document} is still there, and reading the global {@code document} runs none of the page's code
 * (it is an unforgeable property of the window). FX thread only.
 */
final class PageDocument {
    private PageDocument() {
    }

    /** The shown page's document, or null while there is none. */
    static Document of(WebEngine engine) {
        Document known = engine.getDocument();
        if (known != null) {
            return known;
        }
        String location = engine.getLocation();
        if (location == null || location.isEmpty()) {
            return null;
        }
        try {
            return engine.executeScript("document") instanceof Document shown ? shown : null;
        } catch (RuntimeException e) {
            return null; // no window to ask (the engine is between documents)
        }
    }
}
