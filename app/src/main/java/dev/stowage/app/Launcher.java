package dev.stowage.app;

import dev.stowage.app.cli.CommandLine;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.cli.UsageException;
import dev.stowage.app.session.RestoringShell;
import javafx.application.Application;

/**
 * Entry point of {@code stowage.jar}: {@code java -jar stowage.jar [options] [URL ...]} (see {@link CommandLine#HELP}).
 *
 * <p>Checks the command line before JavaFX starts, so a bad one costs no window: it prints the reason and
 * the usage to stderr and exits with code 2. Otherwise it runs {@link StowageApp} and returns when the
 * last window has closed (exit code 0).
 *
 * <p>JavaFX refuses to start an {@link Application} subclass named as the main class when it sits on
 * the class path instead of the module path; a plain class that hands over to the application avoids it.
 */
public final class Launcher {
    /** Exit code for a command line the launcher cannot honour. */
    public static final int USAGE_ERROR = 2;

    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = new CommandLine().parse(args);
        } catch (UsageException e) {
            System.err.println("stowage: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(USAGE_ERROR);
            return;
        }
        switch (options.mode()) {
            case HELP -> System.out.println(CommandLine.HELP);
            case VERSION -> System.out.println("stowage " + version());
            case RUN -> {
                RestoringShell.startLoading(options);
                Application.launch(StowageApp.class, args);
            }
        }
    }

    /** The version in the jar's manifest; "development" when run from classes. */
    static String version() {
        return dev.stowage.app.shell.About.version();
    }
}
