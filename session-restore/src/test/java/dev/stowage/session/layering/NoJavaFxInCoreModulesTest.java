package dev.stowage.session.layering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule: {@code storage} and {@code session-restore} never see JavaFX, so they stay
 * testable without a screen and usable from the background saver. Checks both the sources (imports and
 * fully qualified names) and the compiled classes (any constant-pool reference to {@code javafx/}).
 */
class NoJavaFxInCoreModulesTest {
    private static final Pattern JAVAFX_IN_SOURCE = Pattern.compile("\\bjavafx\\s*\\.");
    private static final Path REACTOR = Path.of("").toAbsolutePath().getParent();
    private static final List<String> CORE_MODULES = List.of("storage", "session-restore");

    @Test
    void coreModuleSourcesNeverMentionJavaFx() {
        List<Path> sources = CORE_MODULES.stream()
                .flatMap(m -> files(REACTOR.resolve(m).resolve("src/main/java"), ".java"))
                .collect(Collectors.toList());
        assertTrue(sources.size() > 3, "expected to find the core modules' sources under " + REACTOR);
        List<Path> offenders = sources.stream().filter(p -> mentionsJavaFx(read(p))).collect(Collectors.toList());
        assertEquals(List.of(), offenders, "storage and session-restore must not use JavaFX");
    }

    @Test
    void coreModuleClassesNeverReferenceJavaFx() {
        List<Path> classes = CORE_MODULES.stream()
                .flatMap(m -> files(REACTOR.resolve(m).resolve("target/classes"), ".class"))
                .collect(Collectors.toList());
        assertFalse(classes.isEmpty(), "expected compiled classes of the core modules");
        List<Path> offenders = classes.stream()
                .filter(p -> new String(bytes(p), StandardCharsets.ISO_8859_1).contains("javafx/"))
                .collect(Collectors.toList());
        assertEquals(List.of(), offenders, "compiled core classes must not reference JavaFX");
    }

    @Test
    void detectorRecognisesImportsAndQualifiedNames() {
        assertTrue(mentionsJavaFx("import javafx.scene.Node;"));
        assertTrue(mentionsJavaFx("import static javafx.application.Platform.runLater;"));
        assertTrue(mentionsJavaFx("var p = javafx.application.Platform.isFxApplicationThread();"));
        assertFalse(mentionsJavaFx("// no fx here: myjavafxish.thing"));
    }

    static boolean mentionsJavaFx(String source) {
        return JAVAFX_IN_SOURCE.matcher(source).find();
    }

    private static Stream<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        return new String(bytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
