package dev.stowage.app.cli;

import dev.stowage.app.shell.ClonePolicy;
import dev.stowage.session.ClosedTabStack;
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
 * @param closedTabs    how many closed tabs each window keeps for Ctrl+Shift+T, {@value #MAX_CLOSED_TABS} at most
 * @param downloadDir   where downloads go; created at the first download if missing
 */
public record LaunchOptions(Mode mode, Path profileDir, boolean privateWindow, ClonePolicy clonePolicy,
                            List<String> urls, boolean restore, int closedTabs, Path downloadDir) {
    /** The most closed tabs a window may keep: each keeps its storage, up to the quota per origin. */
    public static final int MAX_CLOSED_TABS = 100;

    /** What the launcher does. */
    public enum Mode {
        RUN, HELP, VERSION
    }

    public LaunchOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(profileDir, "profileDir");
        Objects.requireNonNull(clonePolicy, "clonePolicy");
        Objects.requireNonNull(downloadDir, "downloadDir");
        urls = List.copyOf(urls);
        if (closedTabs < 0 || closedTabs > MAX_CLOSED_TABS) {
            throw new IllegalArgumentException("closedTabs must be 0 to " + MAX_CLOSED_TABS + ": " + closedTabs);
        }
    }

    /** These options, restoring the saved session. */
    public LaunchOptions(Mode mode, Path profileDir, boolean privateWindow, ClonePolicy clonePolicy, List<String> urls) {
        this(mode, profileDir, privateWindow, clonePolicy, urls, true, ClosedTabStack.DEFAULT_CAPACITY,
                defaultDownloadDir());
    }

    /** Runs the browser with the default clone policy. */
    public LaunchOptions(Path profileDir, boolean privateWindow, List<String> urls) {
        this(Mode.RUN, profileDir, privateWindow, ClonePolicy.LINKS, urls);
    }

    /** These options with {@code policy} instead. */
    public LaunchOptions withClonePolicy(ClonePolicy policy) {
        return new LaunchOptions(mode, profileDir, privateWindow, policy, urls, restore, closedTabs, downloadDir);
    }

    /** These options restoring the saved session, or not. */
    public LaunchOptions withRestore(boolean restoreSession) {
        return new LaunchOptions(mode, profileDir, privateWindow, clonePolicy, urls, restoreSession, closedTabs, downloadDir);
    }

    /** These options keeping {@code count} closed tabs per window. */
    public LaunchOptions withClosedTabs(int count) {
        return new LaunchOptions(mode, profileDir, privateWindow, clonePolicy, urls, restore, count, downloadDir);
    }

    /** These options downloading into {@code dir}. */
    public LaunchOptions withDownloadDir(Path dir) {
        return new LaunchOptions(mode, profileDir, privateWindow, clonePolicy, urls, restore, closedTabs, dir);
    }

    /** The user's Downloads folder: {@code $XDG_DOWNLOAD_DIR} when set, else {@code ~/Downloads}. */
    public static Path defaultDownloadDir() {
        String xdg = System.getenv("XDG_DOWNLOAD_DIR");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), "Downloads");
    }
}
