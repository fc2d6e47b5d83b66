package dev.stowage.app.bench;

import dev.stowage.app.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the shell benchmark of issue 3: launch to first page loaded, and RSS with 1 and 20 tabs, for the
 * Stowage shell and, in the same run and alternating with it, a bare JavaFX window with one WebView.
 * Each measurement is a fresh child JVM; the driver times from process start to the child's
 * {@code LOADED} line. Prints a Markdown table of medians and the ratios. Run through
 * {@code app/bench/shell-bench.sh}.
 */
public final class BenchDriver {
    private static final String PAGE = "<!doctype html><html><head><meta charset='utf-8'><title>Bench page</title>"
            + "<style>body{font-family:sans-serif;margin:2em}</style></head><body><h1>A local page</h1>"
            + "<p>" + "Some text to lay out and paint. ".repeat(60) + "</p>"
            + "<ul>" + "<li><a href='#'>a link</a></li>".repeat(30) + "</ul></body></html>";

    private BenchDriver() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // Further arguments are JVM options for both children (the same for both, or the ratio means nothing).
        List<String> jvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        System.out.println("JVM options of both children: " + (jvmOptions.isEmpty() ? "(defaults)" : String.join(" ", jvmOptions)));
        try (TestServer server = new TestServer()) {
            server.page("/", PAGE);
            String url = server.url("/");
            Map<String, List<long[]>> results = new HashMap<>();
            // One discarded warm-up each: the first JVM pays for cold file caches.
            run(BareWebViewChild.class, url, jvmOptions);
            run(ShellChild.class, url, jvmOptions);
            for (int round = 0; round < rounds; round++) {
                for (Class<?> child : List.of(BareWebViewChild.class, ShellChild.class)) {
                    long[] r = run(child, url, jvmOptions);
                    results.computeIfAbsent(child.getSimpleName(), k -> new ArrayList<>()).add(r);
                    System.err.printf(Locale.ROOT, "round %d %-16s launch %5d ms  rss1 %7d kB  rss20 %7d kB"
                                    + "  heap committed/used 1 tab %d/%d kB, 20 tabs %d/%d kB%n",
                            round + 1, child.getSimpleName(), r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
                }
            }
            report(results, rounds);
        }
    }

    /** @return launch ms, RSS1 kB, RSS20 kB, heap committed and used kB with 1 tab, then with 20 */
    private static long[] run(Class<?> child, String url, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String prop : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text")) {
            if (System.getProperty(prop) != null) {
                command.add("-D" + prop + "=" + System.getProperty(prop));
            }
        }
        command.addAll(jvmOptions);
        command.add(child.getName());
        command.add(url);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long[] result = new long[7];
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("LOADED")) {
                    result[0] = (System.nanoTime() - start) / 1_000_000;
                } else if (line.startsWith("RSS1 ")) {
                    result[1] = Long.parseLong(line.substring(5));
                } else if (line.startsWith("RSS20 ")) {
                    result[2] = Long.parseLong(line.substring(6));
                } else if (line.startsWith("HEAP1 ")) {
                    String[] parts = line.split(" ");
                    result[3] = Long.parseLong(parts[1]);
                    result[4] = Long.parseLong(parts[2]);
                } else if (line.startsWith("HEAP20 ")) {
                    String[] parts = line.split(" ");
                    result[5] = Long.parseLong(parts[1]);
                    result[6] = Long.parseLong(parts[2]);
                }
            }
        }
        if (process.waitFor() != 0 || result[0] == 0 || result[2] == 0) {
            throw new IllegalStateException(child.getSimpleName() + " failed, exit " + process.exitValue());
        }
        return result;
    }

    private static long median(List<long[]> runs, int index) {
        long[] values = runs.stream().mapToLong(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static void report(Map<String, List<long[]>> results, int rounds) {
        List<long[]> bare = results.get(BareWebViewChild.class.getSimpleName());
        List<long[]> shell = results.get(ShellChild.class.getSimpleName());
        long bareLaunch = median(bare, 0);
        long shellLaunch = median(shell, 0);
        double barePerTab = bare.stream().mapToDouble(r -> (r[2] - r[1]) / (BenchChild.TABS - 1.0)).sorted()
                .toArray()[rounds / 2];
        double shellPerTab = shell.stream().mapToDouble(r -> (r[2] - r[1]) / (BenchChild.TABS - 1.0)).sorted()
                .toArray()[rounds / 2];
        System.out.printf(Locale.ROOT, "| measure (median of %d) | bare WebView window | Stowage shell | ratio | target |%n", rounds);
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| launch to first page loaded | %d ms | %d ms | %.2fx | <= 1.3x |%n",
                bareLaunch, shellLaunch, shellLaunch / (double) bareLaunch);
        System.out.printf(Locale.ROOT, "| RSS, 1 tab | %.0f MB | %.0f MB | %.2fx | |%n",
                median(bare, 1) / 1024.0, median(shell, 1) / 1024.0, median(shell, 1) / (double) median(bare, 1));
        System.out.printf(Locale.ROOT, "| RSS, 20 tabs | %.0f MB | %.0f MB | %.2fx | |%n",
                median(bare, 2) / 1024.0, median(shell, 2) / 1024.0, median(shell, 2) / (double) median(bare, 2));
        System.out.printf(Locale.ROOT, "| memory per extra tab ((RSS20 - RSS1) / 19) | %.1f MB | %.1f MB | %.2fx | <= 1.2x |%n",
                barePerTab / 1024.0, shellPerTab / 1024.0, shellPerTab / barePerTab);
    }
}
