package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-page benchmark with full budgets and the targets: every read at least 1.0x WebKit's
 * native localStorage, setItem at least 0.5x. Not part of the default suite (its name does not end in
 * Test): timing on a shared machine is for a deliberate run:
 * {@code mvn -B -q -pl app -am verify -Dtest=PageStorageBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PageStorageBenchmark {
    @Test
    void shellSessionStorageAgainstNativeLocalStorage() {
        Map<String, Map<String, Long>> columns = PageBenchmark.run(Duration.ofMillis(300), 5);
        System.out.println(PageBenchmark.table(columns));
        Map<String, Long> shell = columns.get("shell sessionStorage");
        Map<String, Long> nativeLocal = columns.get("native localStorage");
        List<String> missed = new ArrayList<>();
        for (String op : PageBenchmark.OPS) {
            double target = op.equals("setItem") || op.equals("named set") ? 0.5 : 1.0;
            if (shell.get(op) < target * nativeLocal.get(op)) {
                missed.add(op + " " + shell.get(op) + " < " + target + " x " + nativeLocal.get(op));
            }
        }
        assertTrue(missed.isEmpty(), "targets missed: " + missed);
    }
}
