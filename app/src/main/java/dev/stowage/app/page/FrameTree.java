package dev.stowage.app.page;

import dev.stowage.storage.Origin;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tab's frames as {@link PageStorage} reads them through the {@link DocumentStartHook}: which frames hold
 * a fresh window (no script of it ran yet) and which hold a document the shell already set up, and the
 * origin Java decides for a fresh one. Every answer comes from WebKit's loader or from the fresh window
 * before any page script, never from a page. FX thread only.
 */
final class FrameTree {
    private static final System.Logger LOG = System.getLogger(FrameTree.class.getName());
    // Only syntax, no page-replaceable function: a live page cannot make this lie about being done.
    private static final String GUARD = "('" + PageStorage.MARKER + "' in window) ? null : ('' + self.origin)";
    private static final String BLOCK_NATIVE = "Object.defineProperty(window, 'sessionStorage', {configurable: true,"
            + " enumerable: true, get: function () { throw new DOMException('The operation is insecure.',"
            + " 'SecurityError'); }})";

    /** A frame as the guard found it: fresh (not set up yet, with WebKit's origin for it) or the shell's. */
    record Frame(long id, String freshWindowOrigin) {
        boolean fresh() {
            return freshWindowOrigin != null;
        }
    }

    private final DocumentStartHook hook;

    FrameTree(DocumentStartHook hook) {
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    /** Every frame, the main frame first, then depth first. */
    List<Frame> survey() {
        List<Frame> frames = new ArrayList<>();
        survey(hook.mainFrame(), frames);
        return frames;
    }

    private void survey(long frame, List<Frame> out) {
        Object guard = hook.executeScript(frame, GUARD);
        out.add(new Frame(frame, guard instanceof String ? (String) guard : null));
        for (long child : hook.childFrames(frame)) {
            survey(child, out);
        }
    }

    /**
     * The origin of a fresh frame's document: its URL as WebKit's loader knows it, cross-checked against
     * {@code windowOrigin} ({@code self.origin} read in the fresh window); a mismatch is opaque.
     */
    Origin resolveOrigin(long frame, String windowOrigin) {
        String url = hook.frameUrl(frame);
        if (url == null || url.isEmpty() || url.startsWith("about:blank") || url.equals("about:srcdoc")) {
            // These documents inherit the origin of whoever made them (parent, opener, creator script),
            // which only WebKit knows; self.origin was read in the fresh window before any page script.
            return "null".equals(windowOrigin) ? Origin.opaque() : Origin.of(windowOrigin);
        }
        Origin fromUrl = Origin.of(url);
        if (fromUrl.isOpaque() || url.regionMatches(true, 0, "file:", 0, 5)) {
            return fromUrl;
        }
        return fromUrl.serialize().equals(windowOrigin) ? fromUrl : Origin.opaque();
    }

    /** Gives a frame whose set-up failed a {@code sessionStorage} that throws, never WebKit's own. */
    void blockNative(long frame) {
        try {
            hook.executeScript(frame, BLOCK_NATIVE);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not even hide WebKit's sessionStorage in frame " + frame, e);
        }
    }

    /** The frame's URL for a message, "?" if even that fails. */
    String safeUrl(long frame) {
        try {
            return hook.frameUrl(frame);
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
