package dev.stowage.app.cli;

import dev.stowage.app.shell.ClonePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code java -jar stowage.jar [options] [URL ...]} asked for, already validated.
 *
 * @param mode          run the browser, or only print the usage or the version
 * @param profileDir    folder for everything the shell keeps on disk; not created until something is written
 * @param privateWindow whether the window is private (nothing of it is kept once it closes)
 * @param clonePolicy   which tabs opened from a page start with a copy of its tab's sessionStorage
 * @param urls          resolved URLs, one tab each, in order; empty means one new-tab page
 * @param restore       whether the profile's saved session comes back ({@code --no-restore} says no); the
 *                      URLs then open after its tabs
 */
public record LaunchOptions(Mode mode, Path profileDir, boolean privateWindow, ClonePolicy clonePolicy,
                            List<String> urls, boolean restore) {
    /** What the launcher does. */
    public enum Mode {
        RUN, HELP, VERSION
    }

    public LaunchOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(profileDir, "profileDir");
        Objects.requireNonNull(clonePolicy, "clonePolicy");
        urls = List.copyOf(urls);
    }

    /** These options, restoring the saved session. */
    public LaunchOptions(Mode mode, Path profileDir, boolean privateWindow, ClonePolicy clonePolicy, List<String> urls) {
        this(mode, profileDir, privateWindow, clonePolicy, urls, true);
    }

    /** Runs the browser with the default clone policy. */
    public LaunchOptions(Path profileDir, boolean privateWindow, List<String> urls) {
        this(Mode.RUN, profileDir, privateWindow, ClonePolicy.LINKS, urls);
    }

    /** These options with {@code policy} instead. */
    public LaunchOptions withClonePolicy(ClonePolicy policy) {
        return new LaunchOptions(mode, profileDir, privateWindow, policy, urls, restore);
    }

    /** These options restoring the saved session, or not. */
    public LaunchOptions withRestore(boolean restoreSession) {
        return new LaunchOptions(mode, profileDir, privateWindow, clonePolicy, urls, restoreSession);
    }
}
