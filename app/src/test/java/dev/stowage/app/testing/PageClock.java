package dev.stowage.app.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets a benchmark's page tell Java when its own task begins and ends ({@code clock.start()},
 * {@code clock.end()}), on {@link System#nanoTime()}'s clock, so that the FX thread's time can be split into
 * the page's own work and everything else (see {@link FxProbe#longestBesidesMs}); it notes the FX thread's
 * CPU time too. Put on the page's window by the benchmark; public because WebKit calls only public methods
 * of public classes.
 */
public final class PageClock {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<long[]> tasks = new ArrayList<>();
    private long started;
    private long startedCpu;

    public synchronized void start() {
        started = System.nanoTime();
        startedCpu = threads.getCurrentThreadCpuTime();
    }

    public synchronized void end() {
        tasks.add(new long[] {started, System.nanoTime(), startedCpu, threads.getCurrentThreadCpuTime()});
    }

    /** How many of the page's tasks have ended since the last {@link #take()}. */
    public synchronized int ended() {
        return tasks.size();
    }

    /** The page's tasks so far, {@code {start, end, startCpu, endCpu}} each (the FX thread's CPU time), and forgets them. */
    public synchronized List<long[]> take() {
        List<long[]> taken = List.copyOf(tasks);
        tasks.clear();
        return taken;
    }
}
