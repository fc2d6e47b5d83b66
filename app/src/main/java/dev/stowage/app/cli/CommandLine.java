package dev.stowage.app.cli;

import dev.stowage.app.shell.AddressResolver;
import dev.stowage.app.shell.ClonePolicy;
import dev.stowage.session.ClosedTabStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the launch contract {@code [--profile DIR] [--private] [--no-restore] [--closed-tabs=N] [--clone-policy=links|standard|never] [--download-dir DIR] [URL ...]}
 * and {@code --help} / {@code --version}.
 *
 * <p>URLs follow the address bar's rules ({@link AddressResolver}), so {@code localhost:8080} works on the
 * command line as it does in the window. {@code --} ends the options. Anything else starting with
 * {@code -} is an unknown flag. Pure function of its inputs; thread-safe.
 */
public final class CommandLine {
    public static final String USAGE =
            "usage: java -jar stowage.jar [--profile DIR] [--private] [--no-restore] [--closed-tabs=N] [--clone-policy=links|standard|never] [--download-dir DIR] [URL ...]";

    /** {@code --help}'s text: the usage and every flag. */
    public static final String HELP = USAGE + "\n\n"
            + "Stowage: a tabbed browser whose sessionStorage is per tab and never lost.\n\n"
            + "  URL ...                 open each URL in a tab, the first one selected\n"
            + "                          (address-bar rules: localhost:8080 and example.com work)\n"
            + "  --profile DIR           keep the browser's data in DIR\n"
            + "                          (default: $XDG_DATA_HOME/stowage or ~/.local/share/stowage)\n"
            + "  --private               a private window: nothing of it is kept once it closes\n"
            + "  --no-restore            start with a new window instead of the saved session; the\n"
            + "                          saved session stays as it was until this run first saves\n"
            + "  --closed-tabs=N         how many closed tabs Ctrl+Shift+T can bring back, with their\n"
            + "                          sessionStorage, 0 to 100 (default 25, as Firefox)\n"
            + "  --clone-policy=POLICY   which tabs opened from a page start with a copy of its tab's\n"
            + "                          sessionStorage:\n"
            + "                            links     every link, window.open, Ctrl/middle-click and\n"
            + "                                      \"Open link in new tab\" (the default)\n"
            + "                            standard  as the HTML Standard: only tabs that keep an opener\n"
            + "                                      (window.open, named targets, rel=opener)\n"
            + "                            never     none\n"
            + "                          rel=noopener/noreferrer always opt out; Duplicate tab always copies\n"
            + "  --download-dir DIR      save downloads in DIR (default: your Downloads folder)\n"
            + "  --help                  print this and exit\n"
            + "  --version               print the version and exit\n"
            + "  --                      the rest are URLs";

    private final Map<String, String> environment;
    private final String userHome;
    private final String osName;
    private final AddressResolver resolver = new AddressResolver();

    /** Uses the real environment to find the default profile folder. */
    public CommandLine() {
        this(System.getenv(), System.getProperty("user.home"), System.getProperty("os.name", ""));
    }

    public CommandLine(Map<String, String> environment, String userHome, String osName) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.userHome = Objects.requireNonNull(userHome, "userHome");
        this.osName = Objects.requireNonNull(osName, "osName");
    }

    /** @throws UsageException with a message naming the offending argument */
    public LaunchOptions parse(String... args) throws UsageException {
        Objects.requireNonNull(args, "args");
        Path profile = null;
        boolean privateWindow = false;
        boolean restore = true;
        ClonePolicy clonePolicy = ClonePolicy.LINKS;
        int closedTabs = ClosedTabStack.DEFAULT_CAPACITY;
        Path downloadDir = null;
        LaunchOptions.Mode mode = LaunchOptions.Mode.RUN;
        List<String> urls = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = Objects.requireNonNull(args[i], "argument");
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.equals("--private")) {
                privateWindow = true;
            } else if (!optionsEnded && arg.equals("--no-restore")) {
                restore = false;
            } else if (!optionsEnded && arg.equals("--help")) {
                mode = LaunchOptions.Mode.HELP;
            } else if (!optionsEnded && arg.equals("--version")) {
                mode = mode == LaunchOptions.Mode.HELP ? mode : LaunchOptions.Mode.VERSION;
            } else if (!optionsEnded && (arg.equals("--clone-policy") || arg.startsWith("--clone-policy="))) {
                String value;
                if (arg.startsWith("--clone-policy=")) {
                    value = arg.substring("--clone-policy=".length());
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("--clone-policy needs a value: " + ClonePolicy.CHOICES);
                }
                try {
                    clonePolicy = ClonePolicy.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            } else if (!optionsEnded && (arg.equals("--closed-tabs") || arg.startsWith("--closed-tabs="))) {
                closedTabs = closedTabCount(valueOf(args, i, "--closed-tabs", "a number, e.g. --closed-tabs=50"));
                i += arg.contains("=") ? 0 : 1;
            } else if (!optionsEnded && (arg.equals("--download-dir") || arg.startsWith("--download-dir="))) {
                String value = valueOf(args, i, "--download-dir", "a folder, e.g. --download-dir ~/Downloads");
                if (value.isBlank()) {
                    throw new UsageException("--download-dir needs a folder, e.g. --download-dir ~/Downloads");
                }
                try {
                    downloadDir = Path.of(value);
                } catch (java.nio.file.InvalidPathException e) {
                    throw new UsageException("--download-dir: not a folder name: " + value);
                }
                i += arg.contains("=") ? 0 : 1;
            } else if (!optionsEnded && (arg.equals("--profile") || arg.startsWith("--profile="))) {
                String value;
                if (arg.startsWith("--profile=")) {
                    value = arg.substring("--profile=".length());
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("--profile needs a folder, e.g. --profile ~/stowage-test");
                }
                if (value.isBlank()) {
                    throw new UsageException("--profile needs a folder, e.g. --profile ~/stowage-test");
                }
                profile = Path.of(value);
            } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option: " + arg);
            } else {
                var result = resolver.resolve(arg);
                if (!result.isOk()) {
                    throw new UsageException("bad URL: " + result.error());
                }
                urls.add(result.url());
            }
        }
        return new LaunchOptions(mode, profile != null ? profile : defaultProfile(), privateWindow, clonePolicy, urls)
                .withRestore(restore).withClosedTabs(closedTabs)
                .withDownloadDir(downloadDir != null ? downloadDir : defaultDownloads());
    }

    /** Whether {@code args} choose a clone policy (which then wins over the profile's setting for the run). */
    public static boolean namesClonePolicy(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--clone-policy") || arg.startsWith("--clone-policy=")) {
                return true;
            }
        }
        return false;
    }

    /** The value of the flag at {@code args[i]}: after its "=", else the next argument. */
    private static String valueOf(String[] args, int i, String flag, String needs) throws UsageException {
        if (args[i].startsWith(flag + "=")) {
            return args[i].substring(flag.length() + 1);
        }
        if (i + 1 < args.length) {
            return args[i + 1];
        }
        throw new UsageException(flag + " needs " + needs);
    }

    private static int closedTabCount(String value) throws UsageException {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0 && count <= LaunchOptions.MAX_CLOSED_TABS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // the same message as out of range
        }
        throw new UsageException("--closed-tabs takes a number from 0 to " + LaunchOptions.MAX_CLOSED_TABS + ": " + value);
    }

    /** The user's Downloads folder: {@code $XDG_DOWNLOAD_DIR} when set, else {@code ~/Downloads}. */
    private Path defaultDownloads() {
        String xdg = environment.get("XDG_DOWNLOAD_DIR");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, "Downloads");
    }

    private Path defaultProfile() {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            return appData != null ? Path.of(appData, "Stowage") : Path.of(userHome, "AppData", "Roaming", "Stowage");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Stowage");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "stowage");
        }
        return Path.of(userHome, ".local", "share", "stowage");
    }
}
