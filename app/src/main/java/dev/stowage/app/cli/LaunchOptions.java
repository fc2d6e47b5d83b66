package dev.stowage.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code java -jar stowage.jar [--profile DIR] [--private] [URL ...]} asked for, already validated.
 *
 * @param profileDir    folder for everything the shell keeps on disk; not created until something is written
 * @param privateWindow whether the window is private (nothing of it is kept once it closes)
 * @param urls          resolved URLs, one tab each, in order; empty means one new-tab page
 */
public record LaunchOptions(Path profileDir, boolean privateWindow, List<String> urls) {
    public LaunchOptions {
        Objects.requireNonNull(profileDir, "profileDir");
        urls = List.copyOf(urls);
    }
}
