package dev.stowage.app.page;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.web.WebEngine;

/**
 * The one place that touches WebKit's private Java API: a document-start hook for a {@link WebEngine}.
 *
 * <p><b>Why private API.</b> JavaFX offers no public way to run a script in a document before the
 * document's own scripts: {@code documentProperty} listeners and load-worker states fire too late or in
 * the old document, and {@code loadContent} gives opaque origins and no iframes (measured, see
 * {@code webview-facts.md}). WebKit itself calls {@code WebPageClient.didClearWindowObject} whenever a
 * frame gets a new window object, before any script of that document runs, in main frames, iframes,
 * {@code about:blank}/{@code srcdoc} frames, after navigation, reload and history traversal; JavaFX's own
 * client ignores the call. This class swaps the private {@code pageClient} field of
 * {@code com.sun.webkit.WebPage} for a delegating {@link Proxy} that forwards every call to the original
 * client and then reports the window clear. The callback does not name the frame, so the listener gets
 * the frame tree to work on ({@link #mainFrame()}, {@link #childFrames(long)}, {@link #executeScript}).
 *
 * <p>The same private API gives {@link #repainter} its {@code WebPage.forceRepaint()}.
 *
 * <p>On the class path (how the app and the tests run) {@code setAccessible} suffices; on the module path
 * it needs {@code --add-opens javafx.web/com.sun.webkit=ALL-UNNAMED} and
 * {@code --add-opens javafx.web/javafx.scene.web=ALL-UNNAMED}. If a JavaFX upgrade renames any of it,
 * {@link #install} throws {@link InjectionUnavailableException} and the app must say so loudly.
 *
 * <p><b>Threading.</b> Create, use and close on the FX thread. The listener is called on the FX thread,
 * from inside WebKit's page loading; it may run scripts in frames but must not navigate.
 */
final class DocumentStartHook implements AutoCloseable {

    /** Told each time some frame of the page got a fresh window object (no script of it ran yet). */
    @FunctionalInterface
    interface Listener {
        void windowObjectCleared();
    }

    private final Object page;
    private final Field clientField;
    private final Object originalClient;
    private final Method mainFrame;
    private final Method childFrames;
    private final Method frameUrl;
    private final Method executeScript;
    private boolean closed;

    private DocumentStartHook(Object page, Field clientField, Object originalClient, Method mainFrame,
                              Method childFrames, Method frameUrl, Method executeScript) {
        this.page = page;
        this.clientField = clientField;
        this.originalClient = originalClient;
        this.mainFrame = mainFrame;
        this.childFrames = childFrames;
        this.frameUrl = frameUrl;
        this.executeScript = executeScript;
    }

    /**
     * Hooks {@code engine}'s page. Call before the engine's first load, or documents already loaded stay
     * without the hook until they navigate.
     *
     * @throws InjectionUnavailableException if this JavaFX's private API does not look as expected
     */
    static DocumentStartHook install(WebEngine engine, Listener listener) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(listener, "listener");
        try {
            Object page = pageOf(engine);
            Class<?> pageClass = page.getClass();
            Class<?> clientType = Class.forName("com.sun.webkit.WebPageClient", false, pageClass.getClassLoader());
            Field clientField = pageClass.getDeclaredField("pageClient");
            clientField.setAccessible(true);
            Object original = clientField.get(page);
            if (original == null) {
                throw new InjectionUnavailableException("WebPage has no pageClient to wrap");
            }
            DocumentStartHook hook = new DocumentStartHook(page, clientField, original,
                    pageClass.getMethod("getMainFrame"),
                    pageClass.getMethod("getChildFrames", long.class),
                    pageClass.getMethod("getURL", long.class),
                    pageClass.getMethod("executeScript", long.class, String.class));
            Object proxy = Proxy.newProxyInstance(clientType.getClassLoader(), new Class<?>[] {clientType},
                    new Delegate(original, listener, hook));
            clientField.set(page, proxy);
            return hook;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof InjectionUnavailableException) {
                throw (InjectionUnavailableException) e;
            }
            throw new InjectionUnavailableException("cannot hook WebKit's window-object-cleared callback: " + e, e);
        }
    }

    /**
     * {@code WebPage.forceRepaint()} of {@code engine}'s page, which paints the whole page again at once: the
     * other use of WebKit's private API ({@link FormControlRepaint}).
     *
     * @throws InjectionUnavailableException if this JavaFX's private API does not look as expected
     */
    static Runnable repainter(WebEngine engine) {
        Objects.requireNonNull(engine, "engine");
        try {
            Object page = pageOf(engine);
            Method forceRepaint = page.getClass().getMethod("forceRepaint");
            return () -> {
                try {
                    forceRepaint.invoke(page);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException("WebKit's repaint failed", e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InjectionUnavailableException("cannot reach WebKit's repaint: " + e, e);
        }
    }

    /** {@code engine}'s {@code com.sun.webkit.WebPage}. */
    private static Object pageOf(WebEngine engine) throws ReflectiveOperationException {
        Method getPage = WebEngine.class.getDeclaredMethod("getPage");
        getPage.setAccessible(true);
        return getPage.invoke(engine);
    }

    /** The id of the page's main frame. */
    long mainFrame() {
        return (Long) call(mainFrame);
    }

    /** The ids of the direct child frames of {@code frame}. */
    List<Long> childFrames(long frame) {
        @SuppressWarnings("unchecked")
        List<Long> children = (List<Long>) call(childFrames, frame);
        return children == null ? List.of() : new ArrayList<>(children);
    }

    /** The URL of the document in {@code frame}, as WebKit's loader knows it (a page cannot forge it). */
    String frameUrl(long frame) {
        return (String) call(frameUrl, frame);
    }

    /**
     * Runs {@code script} in {@code frame}'s window and returns its completion value converted as
     * {@link WebEngine#executeScript} does.
     *
     * @throws netscape.javascript.JSException if the script throws
     */
    Object executeScript(long frame, String script) {
        return JsHandles.keep(call(executeScript, frame, script));
    }

    private Object call(Method method, Object... args) {
        try {
            return method.invoke(page, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new InjectionUnavailableException("WebPage." + method.getName() + " is not accessible", e);
        }
    }

    /** Puts the original client back; later window clears are no longer reported. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clientField.set(page, originalClient);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot restore WebPage.pageClient", e);
        }
    }

    private static final class Delegate implements InvocationHandler {
        private final Object original;
        private final Listener listener;
        private final DocumentStartHook hook;

        Delegate(Object original, Listener listener, DocumentStartHook hook) {
            this.original = original;
            this.listener = listener;
            this.hook = hook;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(original, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("didClearWindowObject") && !hook.closed) {
                listener.windowObjectCleared();
            }
            return result;
        }
    }
}
