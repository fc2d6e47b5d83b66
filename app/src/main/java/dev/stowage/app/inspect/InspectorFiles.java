package dev.stowage.app.inspect;

import dev.stowage.storage.NamespaceSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Export and import of a tab's whole storage ({@link NamespaceFile}): the person picks a file, the disk is
 * read or written on {@code background} (never the FX thread), and the result comes back to the
 * {@link Inspector} on the FX thread.
 */
public final class InspectorFiles {
    /** Asks the person for a file; a seam so that tests can answer without a native dialog. FX thread. */
    public interface FileAsker {
        Optional<Path> saveTo(Window owner, String suggestedName);

        Optional<Path> openFrom(Window owner);
    }

    /** The platform's file dialogs. */
    public static final FileAsker DIALOGS = new FileAsker() {
        @Override
        public Optional<Path> saveTo(Window owner, String suggestedName) {
            FileChooser chooser = chooser("Export this tab's sessionStorage");
            chooser.setInitialFileName(suggestedName);
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        }

        @Override
        public Optional<Path> openFrom(Window owner) {
            return Optional.ofNullable(chooser("Import sessionStorage into this tab").showOpenDialog(owner))
                    .map(java.io.File::toPath);
        }

        private FileChooser chooser(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Stowage storage (*.json)", "*.json"));
            return chooser;
        }
    };

    private final FileAsker asker;
    private final Executor background;
    private final Consumer<Runnable> fxLater;

    public InspectorFiles(FileAsker asker, Executor background, Consumer<Runnable> fxLater) {
        this.asker = Objects.requireNonNull(asker, "asker");
        this.background = Objects.requireNonNull(background, "background");
        this.fxLater = Objects.requireNonNull(fxLater, "fxLater");
    }

    /** Writes the inspected tab's whole namespace to a file the person picks. */
    public void export(Inspector inspector, Window owner) {
        Optional<NamespaceSnapshot> snapshot = inspector.snapshot();
        if (snapshot.isEmpty()) {
            inspector.report("There is no storage to export: choose a tab first.", true);
            return;
        }
        Optional<Path> target = asker.saveTo(owner, "session-storage.json");
        if (target.isEmpty()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                Files.write(target.get(), NamespaceFile.write(snapshot.get()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((ok, failure) -> fxLater.accept(() -> inspector.report(failure == null
                ? "Exported " + snapshot.get().areas().size() + " origin(s) to " + target.get().getFileName() + "."
                : "Could not export: " + rootMessage(failure), failure != null)));
    }

    /** Reads a file the person picks into the inspected tab, {@code replacing} each of its origins or merging. */
    public void importInto(Inspector inspector, boolean replacing, Window owner) {
        Optional<String> into = inspector.shownNamespace(); // the tab chosen, whatever is shown once the file is read
        Optional<Path> source = asker.openFrom(owner);
        if (source.isEmpty()) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return NamespaceFile.read(Files.readAllBytes(source.get()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((areas, failure) -> fxLater.accept(() -> {
            if (failure != null) {
                inspector.report("Could not import " + source.get().getFileName() + ": " + rootMessage(failure), true);
            } else {
                inspector.importAreas(into.orElse(null), areas, replacing);
            }
        }));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
