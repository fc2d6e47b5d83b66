package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark page and its runner working in the default suite, with tiny budgets and no targets. */
class PageBenchmarkSmokeTest {
    @Test
    void everyOperationIsMeasuredForEveryStorage() {
        var columns = PageBenchmark.run(Duration.ofMillis(5), 1);
        assertTrue(columns.size() == 5, columns.toString());
        columns.values().forEach(m -> PageBenchmark.OPS.forEach(op -> assertTrue(m.get(op) > 0, op + " " + m)));
    }
}
