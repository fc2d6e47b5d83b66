package dev.stowage.app.page;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import netscape.javascript.JSObject;

/**
 * Keeps every JavaScript object handle ({@link JSObject}) the shell takes out of a page for as long as the
 * JVM runs, so that WebKit never disposes of one.
 *
 * <p><b>Why.</b> A {@code JSObject} that stands for a plain JavaScript object (not a DOM node or window)
 * holds only the object's address; while it lives, WebKit's Java bridge keeps the object from JavaScript's
 * collector by counting it as protected. When Java collects the handle, its disposer looks up whatever
 * protected object lives at that address <em>now</em> and unprotects it. When the page that made the object
 * has gone in the meantime (its protection ended with it), its memory has often been reused by another
 * document's object: the disposer then unprotects that unrelated object, JavaScript's collector frees it,
 * and every later call through its own, perfectly valid handle fails with "Invalid function reference".
 * Measured in this shell: after a few dozen documents, a document's receiver died that way in most test
 * runs, silently dropping the shell's pushes and flushes to that page (a site's clear did not reach it).
 * A handle that is never collected never runs its disposer.
 *
 * <p><b>Cost.</b> A handle is a few dozen bytes (and WebKit's record of it); the shell keeps about three
 * per document it sets up, a few hundred bytes per document for the life of the process.
 *
 * <p><b>Threading.</b> FX thread only, like every {@code JSObject}.
 */
public final class JsHandles {
    private static final List<JSObject> KEPT = new ArrayList<>();

    private JsHandles() {
    }

    /**
     * Keeps {@code value} if it is a JavaScript object handle, and returns it: pass every value taken out of
     * a page ({@code executeScript}, {@link JSObject#call}, {@link JSObject#getMember}) through this.
     *
     * @throws IllegalStateException if not called on the FX thread
     */
    public static <T> T keep(T value) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("JsHandles.keep on the FX thread");
        }
        if (value instanceof JSObject handle) {
            KEPT.add(handle);
        }
        return value;
    }

    /** How many handles are kept, for tests and diagnostics. */
    public static int keptCount() {
        return KEPT.size();
    }
}
