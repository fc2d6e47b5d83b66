package dev.stowage.app.shell;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Asks the JVM for a young collection once the process has had no input for {@link #QUIET} after the FX
 * thread did much work, so that the collection of the pages' JavaScript heaps JavaFX couples to it comes
 * at a moment nobody is typing, not at the next key.
 *
 * <p><b>Why.</b> JavaFX's WebPage runs a full, synchronous collection of the JavaScript heap on the FX thread
 * after every collection of the JVM (WebPage.collectJSCGarbages, driven by a weakly held sentinel). Its cost
 * is what the pages left since the last one: with 100k storage items just loaded into a page, 46-74 ms on
 * the FX thread, against 0.4-5.7 ms for the next ones (measured, docs/BENCHMARKS.md). Where it falls is
 * wherever the JVM happens to fill its young generation: at an F12 that opens the inspector, say. Collecting
 * at an idle moment is what Blink does with V8 (idle-time garbage collection); here it also leaves the young
 * generation empty for what the person does next.
 *
 * <p><b>When.</b> When the process has had no input for {@link #QUIET} and the FX thread (where pages run
 * their script, and the shell its UI) has used {@link #WORK} of CPU since the JVM last collected: a process
 * that did nothing leaves nothing to collect. At most once in a quiet time, and once per {@link #SPACING}:
 * the FX thread also works for what is no page's script (a caret blinking in a focused field drew 250 ms of
 * it in 30 s, measured), and a request each time that added up would collect an idle process over and over.
 * The checks run every {@link #CHECK_EVERY} on a daemon thread of their own; none touches the FX thread. A
 * check that finds input since the request takes the request back, which then does not count against the
 * spacing; but the collection usually comes first (G1's within about a second). A request the JVM has not
 * answered within {@link #GIVE_UP} is taken back too.
 *
 * <p><b>How.</b> Through a {@link Collector}; the process's uses {@link G1IdleCollector}. Without one that
 * is {@linkplain Collector#available() available}, or without the FX thread's CPU time, nothing is asked.
 */
public final class IdleCollection {
    private static final System.Logger LOG = System.getLogger(IdleCollection.class.getName());
    static final Duration QUIET = Duration.seconds(5);
    static final Duration WORK = Duration.millis(500);
    static final Duration SPACING = Duration.seconds(30);
    static final Duration GIVE_UP = Duration.seconds(5);
    private static final Duration CHECK_EVERY = Duration.millis(250);

    /** What asks the JVM for a collection. Any thread. */
    interface Collector {
        /** Whether {@link #ask()} can bring a young collection on this JVM. */
        boolean available();

        /** Asks for one young collection, soon; it reports it through {@link IdleCollection#collected()}. */
        void ask();

        /** Takes the request back: no collection is wanted any more. */
        void withdraw();
    }

    /** What the policy reads: the time, the last input and the FX thread's work, all in nanoseconds. */
    interface Sources {
        long nanoTime();

        long lastInputNanos();

        /** The FX thread's CPU time so far. */
        long workNanos();
    }

    private static CompletableFuture<IdleCollection> process;

    private final Object lock = new Object();
    private final Collector collector;
    private final Sources sources;
    private long workAtLastCollection;
    private long lastAsked;
    /** {@link #lastAsked} before the request out now: a request taken back for input gives the spacing back. */
    private long askedBefore;
    /** The last input before the last request (before any, one that never was): a new quiet time begins with the next. */
    private long inputAtLastRequest;
    private boolean asking;
    private int collectedAtIdle;

    IdleCollection(Collector collector, Sources sources) {
        this.collector = Objects.requireNonNull(collector, "collector");
        this.sources = Objects.requireNonNull(sources, "sources");
        workAtLastCollection = sources.workNanos();
        lastAsked = sources.nanoTime() - nanos(SPACING);
        inputAtLastRequest = sources.lastInputNanos() - 1;
    }

    /**
     * Starts the process's idle collection once (later calls return the same); on the FX thread, whose work
     * it watches. The rest is set up on the collection's own thread, since the JVM's management beans take
     * ~60 ms to come up the first time (measured), which start-up should not wait for: the future completes
     * there, with the collection, once it is.
     */
    public static synchronized CompletableFuture<IdleCollection> start() {
        if (process == null) {
            if (!Platform.isFxApplicationThread()) {
                throw new IllegalStateException("IdleCollection.start() runs on the FX thread");
            }
            InputActivity input = InputActivity.process();
            long fxThread = Thread.currentThread().getId();
            ScheduledThreadPoolExecutor checks = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "stowage-idle-collection");
                thread.setDaemon(true);
                return thread;
            });
            process = CompletableFuture.supplyAsync(() -> setUp(input, fxThread, checks), checks);
        }
        return process;
    }

    private static IdleCollection setUp(InputActivity input, long fxThread, ScheduledThreadPoolExecutor checks) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean timed = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        Sources sources = new Sources() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long lastInputNanos() {
                return input.lastInputNanos();
            }

            @Override
            public long workNanos() {
                return timed ? Math.max(0, threads.getThreadCpuTime(fxThread)) : 0;
            }
        };
        G1IdleCollector g1 = new G1IdleCollector();
        IdleCollection idle = new IdleCollection(g1, sources);
        if (g1.available() && timed) {
            g1.reportTo(idle);
            long every = Math.round(CHECK_EVERY.toMillis());
            checks.scheduleWithFixedDelay(() -> {
                try {
                    idle.check();
                } catch (RuntimeException e) { // an exception would end the schedule without a word
                    LOG.log(System.Logger.Level.WARNING, "idle collection check failed", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        } else {
            checks.shutdown();
        }
        return idle;
    }

    /** Decides whether to ask for a collection now, or to take a request back. Any thread. */
    void check() {
        synchronized (lock) {
            long now = sources.nanoTime();
            long lastInput = sources.lastInputNanos();
            boolean quiet = now - lastInput >= nanos(QUIET);
            if (asking) {
                if (!quiet) {
                    lastAsked = askedBefore; // not answered: the next quiet time may ask again
                    withdraw();
                } else if (now - lastAsked >= nanos(GIVE_UP)) {
                    withdraw(); // the JVM did not take it up (G1 was marking, say)
                }
                return;
            }
            if (quiet && lastInput != inputAtLastRequest && now - lastAsked >= nanos(SPACING)
                    && sources.workNanos() - workAtLastCollection >= nanos(WORK) && collector.available()) {
                asking = true;
                askedBefore = lastAsked;
                lastAsked = now;
                inputAtLastRequest = lastInput;
                collector.ask();
            }
        }
    }

    /** The JVM collected (for whatever reason): the pages' JavaScript heaps are collected next. Any thread. */
    void collected() {
        synchronized (lock) {
            workAtLastCollection = sources.workNanos();
            if (asking) {
                collectedAtIdle++;
                withdraw();
            }
        }
    }

    private void withdraw() {
        asking = false;
        collector.withdraw();
    }

    /** How many collections came while this had asked for one. */
    public int collectedAtIdle() {
        synchronized (lock) {
            return collectedAtIdle;
        }
    }

    /** Whether a request is out. */
    boolean asking() {
        synchronized (lock) {
            return asking;
        }
    }

    private static long nanos(Duration duration) {
        return Math.round(duration.toMillis() * 1e6);
    }
}
