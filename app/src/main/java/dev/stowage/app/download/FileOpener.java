package dev.stowage.app.download;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a file or a folder with the desktop's own application: the seam the downloads panel's Open and
 * Show in folder go through (tests put their own). FX thread.
 */
@FunctionalInterface
public interface FileOpener {
    /** Opens {@code path}; a failure is the opener's to report. */
    void open(Path path);

    /**
     * The desktop's opener: {@code xdg-open} on Linux, {@code open} on macOS, {@code explorer} on Windows,
     * started without waiting for it; a failure is logged.
     */
    FileOpener DESKTOP = path -> {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("explorer", path.toString())
                : os.contains("mac") ? List.of("open", path.toString()) : List.of("xdg-open", path.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            System.getLogger(FileOpener.class.getName()).log(System.Logger.Level.WARNING,
                    "could not open " + path + " with " + command.get(0), e);
        }
    };
}
