package dev.stowage.app.session;

import dev.stowage.session.SessionState;
import dev.stowage.session.TabState;
import dev.stowage.session.file.ProfileSession;
import dev.stowage.storage.NamespaceSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real app ({@code dev.stowage.app.Launcher}) in a child JVM, headless (Monocle, software rendering),
 * with the test class path, a working directory of its own and its output in files there: for the black-box
 * process tests that kill or terminate it.
 */
final class ChildApp {
    final Path workDir;
    final Process process;

    private ChildApp(Path workDir, Process process) {
        this.workDir = workDir;
        this.process = process;
    }

    static ChildApp start(Path workDir, Path profile, String... urls) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1",
                "dev.stowage.app.Launcher", "--profile", profile.toString()));
        command.addAll(List.of(urls));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .start();
        return new ChildApp(workDir, process);
    }

    /** The last lines of the child's stderr, for failure messages. */
    String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** The JVM's crash files ({@code hs_err_pid*.log}) in the working directory. */
    List<Path> crashFiles() throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
        }
    }

    /** What the next start would read from {@code profile}: its session, storage and notices. */
    static ProfileSession.Startup load(Path profile) {
        return new ProfileSession(profile, Clock.systemUTC()).load();
    }

    /** The only open tab of the only window of {@code state}. */
    static TabState onlyTab(SessionState state) {
        if (state.windows().size() != 1 || state.windows().get(0).tabs().size() != 1) {
            throw new AssertionError("expected one window with one tab: " + state);
        }
        return state.windows().get(0).tabs().get(0);
    }

    /** {@code key}'s value in any area of {@code tab}'s saved namespace. */
    static Optional<String> stored(ProfileSession.Startup startup, TabState tab, String key) {
        NamespaceSnapshot ns = startup.namespaces().get(tab.namespaceId());
        if (ns == null) {
            return Optional.empty();
        }
        return ns.areas().values().stream().map(area -> area.get(key)).filter(v -> v != null).findFirst();
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }

    /** min/median/p90/max of {@code values}. */
    static String distribution(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return "(none)";
        }
        return "n=" + sorted.size() + " min=" + sorted.get(0) + " median=" + sorted.get(sorted.size() / 2)
                + " p90=" + sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.9) - 1))
                + " max=" + sorted.get(sorted.size() - 1);
    }

}
