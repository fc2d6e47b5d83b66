package dev.stowage.app;

import dev.stowage.app.cli.LaunchOptions;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Opens a private window (Ctrl+Shift+N) as a process of its own: {@code --private --no-restore}, the same
 * JVM, class path and toolkit settings.
 *
 * <p><b>Why a process.</b> JavaFX keeps cookies JVM-wide ({@code java.net.CookieHandler} is one per JVM,
 * and WebKit's cookie jar with it), so a private window in the same JVM would share cookies with the normal
 * ones. A separate JVM has its own cookie store, its own storage service and its own WebView data folder (a
 * throwaway one), and a private run writes nothing of the profile (its session, cookies and zooms stay in
 * memory), so nothing of it survives the process: closing its last window ends it.
 */
public final class PrivateWindows {
    /** The toolkit's settings a private window's JVM takes from this one, when set (headless runs, tests). */
    private static final List<String> PASSED_ON = List.of("glass.platform", "monocle.platform", "prism.order",
            "java.awt.headless", "glass.gtk.uiScale", "prism.allowhidpi");

    private PrivateWindows() {
    }

    /**
     * Starts the private window's process for {@code options}' profile and download folder, opening
     * {@code urls} (none: a new tab); its output goes where this process's does.
     *
     * @throws IOException if the process cannot be started
     */
    public static Process start(LaunchOptions options, List<String> urls) throws IOException {
        Objects.requireNonNull(options, "options");
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        for (String key : PASSED_ON) {
            String value = System.getProperty(key);
            if (value != null) {
                command.add("-D" + key + "=" + value);
            }
        }
        command.addAll(List.of(Launcher.class.getName(), "--private", "--no-restore",
                "--profile", options.profileDir().toString(), "--download-dir", options.downloadDir().toString(),
                "--clone-policy=" + options.clonePolicy().name().toLowerCase(Locale.ROOT), "--"));
        command.addAll(urls);
        return new ProcessBuilder(command).inheritIO().start();
    }
}
