package dev.stowage.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * For a benchmark's verbose output only: samples the FX thread's stack every millisecond, so the longest
 * stretch an {@link FxProbe} saw can be told apart (a pulse's layout, the shell's own task, a wait for the
 * renderer). Each sample costs the FX thread a handshake, so numbers taken with it running are not the
 * benchmark's numbers.
 */
public final class FxSampler implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Object[]> samples = new ArrayList<>();
    private final Thread thread;

    private FxSampler(Thread fx) {
        thread = new Thread(() -> {
            while (running.get()) {
                StackTraceElement[] stack = fx.getStackTrace();
                long at = System.nanoTime();
                synchronized (samples) {
                    samples.add(new Object[] {at, stack});
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts sampling the FX thread. */
    public static FxSampler start() {
        return new FxSampler(Fx.call(Thread::currentThread));
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }

    /**
     * The samples taken from {@code fromNanos} to {@code toNanos}, grouped by where the FX thread was: its
     * innermost frames and the outermost frame that tells the kind of work, most frequent first.
     */
    public String between(long fromNanos, long toNanos) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        synchronized (samples) {
            for (Object[] sample : samples) {
                long at = (long) sample[0];
                if (at >= fromNanos && at <= toNanos) {
                    counts.merge(describe((StackTraceElement[]) sample[1]), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> "    " + e.getValue() + " x " + e.getKey()).collect(Collectors.joining("\n"));
    }

    private static String describe(StackTraceElement[] stack) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(4, stack.length); i++) {
            parts.add(frame(stack[i]));
        }
        String ours = "";
        String kind = "";
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (ours.isEmpty() && c.startsWith("dev.stowage")) {
                ours = frame(e);
            }
            if (c.contains("ScenePulseListener") || c.contains("WebPage") || c.contains("QuantumToolkit")
                    || c.contains("InvokeLaterDispatcher") || c.contains("ViewPainter") || c.contains("PaintCollector")) {
                kind = kind.isEmpty() ? frame(e) : kind;
            }
        }
        return String.join(" < ", parts) + (ours.isEmpty() ? "" : " ... " + ours) + (kind.isEmpty() ? "" : " [" + kind + "]");
    }

    private static String frame(StackTraceElement e) {
        String c = e.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName();
    }
}
