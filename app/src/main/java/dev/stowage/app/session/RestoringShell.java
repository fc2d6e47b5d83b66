package dev.stowage.app.session;

import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.session.SessionState;
import dev.stowage.session.WindowState;
import dev.stowage.session.file.ProfileSession;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.SessionStorageService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A start with the profile's session: {@link #load} reads it (off the FX thread), {@link #open} brings it
 * back into a window and hands the window to a {@link SessionKeeper}. The app's start and the tests'
 * restarts (a second start over the same profile, in one JVM) go through here alike.
 */
public final class RestoringShell {
    /**
     * What a start found: the profile's session files (null in a private run: nothing is read or written,
     * or when a newer Stowage's session must be left alone) and what they held.
     */
    public record Loaded(ProfileSession files, ProfileSession.Startup startup) {
        public Loaded {
            Objects.requireNonNull(startup, "startup");
        }

        /** Whether this start brings a saved session back. */
        public boolean restores(LaunchOptions options) {
            return options.restore() && startup.state().isPresent();
        }
    }

    /** A read started before JavaFX, for the options it was started with. */
    private record Early(LaunchOptions options, CompletableFuture<Loaded> loaded) {
    }

    private static final AtomicReference<Early> EARLY = new AtomicReference<>();

    private RestoringShell() {
    }

    /**
     * Starts reading the session of {@code options} on a background thread now, so that it overlaps the
     * JavaFX toolkit's start (the launcher calls this before {@code Application.launch}; reading 50 tabs of
     * 200 KB took about 50 ms, the toolkit some hundreds). {@link #loaded} takes the result.
     */
    public static void startLoading(LaunchOptions options) {
        Objects.requireNonNull(options, "options");
        EARLY.set(new Early(options, CompletableFuture.supplyAsync(() -> load(options))));
    }

    /**
     * The session of {@code options}: what {@link #startLoading} read for the same options (waiting for it),
     * else read now. Blocking I/O: not the FX thread.
     */
    public static Loaded loaded(LaunchOptions options) {
        Early early = EARLY.getAndSet(null);
        if (early == null || !early.options().equals(options)) {
            return load(options);
        }
        try {
            return early.loaded().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Reads the session of {@code options}' profile, unless the run is private. Blocking I/O: not the FX thread. */
    public static Loaded load(LaunchOptions options) {
        if (options.privateWindow()) {
            return new Loaded(null, new ProfileSession.Startup(Optional.empty(), Map.of(), List.of(), false));
        }
        ProfileSession files = new ProfileSession(options.profileDir(), Clock.systemUTC());
        ProfileSession.Startup startup = files.load();
        return new Loaded(startup.refused() ? null : files, startup);
    }

    /**
     * Opens the window of a start: the saved session's tabs (their storage restored into {@code service} first)
     * unless {@code --no-restore}, then one tab per command-line URL (the first selected), or a new-tab page
     * when there is nothing else; tells the user what the load found wrong; and keeps the session from now on.
     * FX thread.
     *
     * @param newWindow builds an empty window (on a stage of its own, not shown) with the tabs' storage in
     *                  {@code service}; a saved session of several windows asks for one each. The caller
     *                  shows {@link SessionKeeper#windows()}
     * @param fx        runs a task on the FX thread
     * @param exit      runs once the last window closed and the session is saved
     * @return the keeper, whose {@link SessionKeeper#quit()} is the way to quit
     */
    public static SessionKeeper open(LaunchOptions options, Loaded loaded, SessionStorageService service,
                                     Function<LaunchOptions, BrowserWindow> newWindow, Executor fx, Runnable exit) {
        BrowserWindow window = newWindow.apply(options);
        List<BrowserWindow> more = new java.util.ArrayList<>();
        Set<String> saved = Set.of();
        if (loaded.restores(options)) {
            SessionState state = loaded.startup().state().orElseThrow();
            Set<String> referenced = state.referencedNamespaces();
            for (Map.Entry<String, NamespaceSnapshot> ns : loaded.startup().namespaces().entrySet()) {
                if (referenced.contains(ns.getKey())) {
                    service.restoreNamespace(ns.getValue());
                }
            }
            saved = loaded.startup().namespaces().keySet();
            for (int i = 0; i < state.windows().size(); i++) {
                BrowserWindow target = i == 0 ? window : newWindow.apply(options);
                if (i > 0) {
                    more.add(target);
                }
                target.restore(state.windows().get(i));
            }
            service.scavenge(referenced); // nothing the session does not name outlives the start
        }
        List<String> urls = options.urls();
        for (int i = 0; i < urls.size(); i++) {
            window.openTab(urls.get(i), i == 0);
        }
        if (window.model().tabs().isEmpty()) {
            window.newTab();
        }
        if (!loaded.startup().notices().isEmpty()) {
            window.model().warn(String.join(" ", loaded.startup().notices()));
        }
        SessionKeeper[] kept = new SessionKeeper[1];
        // A failed save is the profile's problem: every open window says so, not only the first.
        SessionKeeper keeper = new SessionKeeper(service, loaded.files(), saved, fx,
                problem -> fx.execute(() -> kept[0].windows().forEach(w -> w.model().warn(problem))), exit,
                () -> newWindow.apply(options));
        kept[0] = keeper;
        keeper.attach(window);
        more.forEach(keeper::attach);
        return keeper;
    }
}
