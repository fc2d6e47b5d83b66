package dev.stowage.app.cli;

import dev.stowage.app.shell.AddressResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the launch contract {@code [--profile DIR] [--private] [URL ...]}.
 *
 * <p>URLs follow the address bar's rules ({@link AddressResolver}), so {@code localhost:8080} works on the
 * command line as it does in the window. {@code --} ends the options. Anything else starting with
 * {@code -} is an unknown flag. Pure function of its inputs; thread-safe.
 */
public final class CommandLine {
    public static final String USAGE = "usage: java -jar stowage.jar [--profile DIR] [--private] [URL ...]";

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
        List<String> urls = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = Objects.requireNonNull(args[i], "argument");
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.equals("--private")) {
                privateWindow = true;
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
        return new LaunchOptions(profile != null ? profile : defaultProfile(), privateWindow, urls);
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
