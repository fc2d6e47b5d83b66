package dev.stowage.app;

import java.util.Objects;
import sun.misc.Signal;

/**
 * Takes SIGTERM, SIGINT and SIGHUP over from the JVM's default handling (which runs the shutdown hooks and
 * halts), so the app can quit in order first. {@code sun.misc.Signal} is the JDK's supported way
 * (module {@code jdk.unsupported}) to do this; where a signal cannot be handled, the JVM's default stays.
 */
final class TerminationSignals {
    /** The exit code after a terminating signal: 128 + SIGTERM's number, as a shell reports it. */
    static final int EXIT_CODE = 143;
    private static final System.Logger LOG = System.getLogger(TerminationSignals.class.getName());

    private TerminationSignals() {
    }

    /** Runs {@code onSignal} on a thread of its own at the first of these signals; later ones are ignored. */
    static void install(Runnable onSignal) {
        Objects.requireNonNull(onSignal, "onSignal");
        boolean[] started = {false};
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    synchronized (started) {
                        if (started[0]) {
                            return;
                        }
                        started[0] = true;
                    }
                    Thread quit = new Thread(onSignal, "stowage-terminate");
                    // Not a daemon (the signal's thread is one, and a new thread inherits that): once the
                    // toolkit ends, main returns, and the JVM must wait for this thread's exit code.
                    quit.setDaemon(false);
                    quit.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.log(System.Logger.Level.DEBUG, "SIG" + name + " keeps the JVM's default handling", e);
            }
        }
    }
}
