package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a harness page reported: one line per check, {@code PASS|FAIL \t name \t actual \t expected}. */
final class PageReport {
    final String url;
    final Map<String, Boolean> passed = new LinkedHashMap<>();
    final List<String> lines = new ArrayList<>();

    PageReport(String url, String text) {
        this.url = url;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", 4);
            if (parts.length < 2) {
                throw new AssertionError(url + " reported a malformed line: " + line + "\nwhole report:\n" + text);
            }
            passed.put(parts[1], parts[0].equals("PASS"));
            lines.add(line);
        }
    }

    List<String> failures() {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("FAIL")) {
                out.add(line);
            }
        }
        return out;
    }

    /** Every check passed, and there were at least {@code minimum} of them (a page that died early fails). */
    void assertAllPass(int minimum) {
        assertAllPassExcept(Set.of(), minimum);
    }

    void assertAllPassExcept(Set<String> expectedFailures, int minimum) {
        assertTrue(passed.size() >= minimum, url + " reported only " + passed.size() + " checks:\n" + String.join("\n", lines));
        List<String> wrong = new ArrayList<>();
        for (String line : failures()) {
            if (!expectedFailures.contains(line.split("\t")[1])) {
                wrong.add(line);
            }
        }
        for (String name : expectedFailures) {
            if (Boolean.TRUE.equals(passed.get(name))) {
                wrong.add("UNEXPECTED PASS (update the list of known deviations)\t" + name);
            }
        }
        if (!wrong.isEmpty()) {
            fail(url + ": " + wrong.size() + " checks wrong:\n" + String.join("\n", wrong));
        }
    }
}
