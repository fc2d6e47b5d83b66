package dev.stowage.app.page;

import dev.stowage.app.testing.Fx;
import dev.stowage.app.testing.TestServer;
import dev.stowage.storage.SessionStorageService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code bench.html} in real engines and reports ops/s per operation: the shell's sessionStorage and
 * the localStorage of the same injected page, and WebKit's own sessionStorage and localStorage in an
 * engine without injection (the honest baseline: in an injected page localStorage calls pass through the
 * shell's Storage.prototype dispatch).
 */
final class PageBenchmark {
    static final List<String> OPS = List.of("setItem", "getItem hit", "getItem miss", "length", "key(i)",
            "named get", "named set");

    /**
     * Results by column name, each op -> best ops/s over {@code rounds}. Rounds interleave the columns
     * (round 1 of every column, then round 2, ...), each in a fresh document, so a disturbance on a
     * shared machine lands on all columns alike instead of on the one that happened to be running.
     */
    static Map<String, Map<String, Long>> run(Duration budget, int rounds) {
        Map<String, Map<String, Long>> columns = new LinkedHashMap<>();
        try (TestServer server = new TestServer()) {
            SessionStorageService service = Fx.call(SessionStorageService::new);
            var ns = Fx.call(service::createNamespace);
            var packedNs = Fx.call(service::createNamespace);
            try (TestTab injected = TestTab.injected(() -> ns); TestTab plain = TestTab.nativeStorage();
                 TestTab packed = TestTab.injected(() -> packedNs)) {
                Fx.run(() -> packed.storage.packItemsFrom(0)); // the cache's form from 8,192 items on

                String args = ", " + budget.toMillis() + ", 1)";
                for (int round = 0; round < rounds; round++) {
                    best(columns, "shell sessionStorage", measure(injected, server, "sessionStorage", args));
                    best(columns, "localStorage, same page", measure(injected, server, "localStorage", args));
                    best(columns, "native localStorage", measure(plain, server, "localStorage", args));
                    best(columns, "native sessionStorage", measure(plain, server, "sessionStorage", args));
                    best(columns, "shell sessionStorage, packed", measure(packed, server, "sessionStorage", args));
                }
            }
        }
        return columns;
    }

    private static void best(Map<String, Map<String, Long>> columns, String column, Map<String, Long> round) {
        Map<String, Long> best = columns.computeIfAbsent(column, c -> new LinkedHashMap<>());
        round.forEach((op, value) -> best.merge(op, value, Math::max));
    }

    private static Map<String, Long> measure(TestTab tab, TestServer server, String storage, String args) {
        tab.load(server.url("/bench.html?" + storage + "&" + System.nanoTime())); // a fresh document each time
        return parse(tab.evalString("runBench('" + storage + "'" + args));
    }

    static String table(Map<String, Map<String, Long>> columns) {
        StringBuilder out = new StringBuilder("| operation |");
        columns.keySet().forEach(c -> out.append(' ').append(c).append(" |"));
        out.append(" shell / native localStorage | shell / native sessionStorage | localStorage, same page / native |\n|---|");
        columns.keySet().forEach(c -> out.append("---:|"));
        out.append("---:|---:|---:|\n");
        for (String op : OPS) {
            out.append("| ").append(op).append(" |");
            columns.values().forEach(m -> out.append(' ').append(String.format("%,d", m.get(op))).append(" |"));
            out.append(ratio(columns, "shell sessionStorage", "native localStorage", op))
                    .append(ratio(columns, "shell sessionStorage", "native sessionStorage", op))
                    .append(ratio(columns, "localStorage, same page", "native localStorage", op)).append('\n');
        }
        return out.toString();
    }

    private static String ratio(Map<String, Map<String, Long>> columns, String column, String baseline, String op) {
        return String.format(" %.2fx |", (double) columns.get(column).get(op) / columns.get(baseline).get(op));
    }

    private static Map<String, Long> parse(String json) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"([^\"]+)\":(\\d+)").matcher(json);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        if (!out.keySet().containsAll(OPS)) {
            throw new AssertionError("benchmark page answered " + json);
        }
        return out;
    }

    private PageBenchmark() {
    }
}
