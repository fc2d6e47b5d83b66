package dev.stowage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launch contract in a real child JVM: bad command lines exit 2 with a message before any window, and
 * closing the window ends the JVM by itself with exit code 0 (so no non-daemon thread is left behind).
 */
class LauncherProcessTest {
    private record Outcome(int exitCode, String stderr, String stdout) {
    }

    private static Outcome run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dtestfx.robot=glass", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true", mainClass));
        command.addAll(List.of(args));
        File err = File.createTempFile("stowage-launcher", ".err");
        File out = File.createTempFile("stowage-launcher", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("JVM did not exit; stderr: " + Files.readString(err.toPath()));
        }
        return new Outcome(process.exitValue(), Files.readString(err.toPath(), StandardCharsets.UTF_8),
                Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void unknownFlagExitsWith2AndSaysWhy() throws Exception {
        Outcome outcome = run(Launcher.class.getName(), "--incognito");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.stderr().contains("unknown option: --incognito"), outcome.stderr());
        assertTrue(outcome.stderr().contains("usage: java -jar stowage.jar"), outcome.stderr());
    }

    @Test
    void helpAndVersionPrintAndExit0WithoutAWindow() throws Exception {
        Outcome help = run(Launcher.class.getName(), "--help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("--clone-policy=POLICY") && help.stdout().contains("usage:"), help.stdout());
        Outcome version = run(Launcher.class.getName(), "--version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().startsWith("stowage "), version.stdout());
    }

    @Test
    void anUnknownClonePolicyExitsWith2NamingTheChoices() throws Exception {
        Outcome outcome = run(Launcher.class.getName(), "--clone-policy=sometimes");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.stderr().contains("links, standard or never"), outcome.stderr());
    }

    @Test
    void badUrlExitsWith2AndSaysWhy() throws Exception {
        Outcome outcome = run(Launcher.class.getName(), "http://");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.stderr().contains("bad URL"), outcome.stderr());
    }

    @Test
    void closingTheWindowExitsTheJvmWithCode0() throws Exception {
        try (TestServer server = new TestServer()) {
            server.titled("/", "Home", "home");
            Path profile = Files.createTempDirectory("stowage-launch");
            Outcome outcome = run(CloseWindowOnLoad.class.getName(), "--profile", profile.toString(),
                    server.url("/"), server.hostPort() + "/");
            assertEquals(0, outcome.exitCode(), outcome.stderr());
            assertTrue(outcome.stderr().contains("closing window after load"), outcome.stderr());
        }
    }
}
