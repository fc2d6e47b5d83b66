package dev.stowage.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.shell.ClonePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final CommandLine linux = new CommandLine(Map.of(), "/home/ann", "Linux");

    @Test
    void noArgumentsMeansOneNewTabAndTheDefaultProfile() throws UsageException {
        LaunchOptions options = linux.parse();
        assertEquals(List.of(), options.urls());
        assertFalse(options.privateWindow());
        assertEquals(Path.of("/home/ann/.local/share/stowage"), options.profileDir());
    }

    @Test
    void profilePrivateAndUrlsInAnyOrder() throws UsageException {
        LaunchOptions options = linux.parse("localhost:8080", "--private", "--profile", "/tmp/p", "example.com");
        assertEquals(List.of("http://localhost:8080", "https://example.com"), options.urls());
        assertTrue(options.privateWindow());
        assertEquals(Path.of("/tmp/p"), options.profileDir());
        assertEquals(Path.of("/tmp/q"), linux.parse("--profile=/tmp/q").profileDir());
    }

    @Test
    void downloadsGoToTheUsersDownloadsFolderOrDownloadDir() throws UsageException {
        assertEquals(Path.of("/home/ann/Downloads"), linux.parse().downloadDir());
        assertEquals(Path.of("/media/dl"), new CommandLine(Map.of("XDG_DOWNLOAD_DIR", "/media/dl"), "/home/ann", "Linux")
                .parse().downloadDir());
        assertEquals(Path.of("/tmp/d"), linux.parse("--download-dir", "/tmp/d").downloadDir());
        assertEquals(Path.of("/tmp/e"), linux.parse("--download-dir=/tmp/e").downloadDir());
        assertThrows(UsageException.class, () -> linux.parse("--download-dir"));
        assertThrows(UsageException.class, () -> linux.parse("--download-dir="));
    }

    @Test
    void defaultProfileFollowsThePlatform() throws UsageException {
        assertEquals(Path.of("/xdg/stowage"),
                new CommandLine(Map.of("XDG_DATA_HOME", "/xdg"), "/home/ann", "Linux").parse().profileDir());
        assertEquals(Path.of("/Users/ann/Library/Application Support/Stowage"),
                new CommandLine(Map.of(), "/Users/ann", "Mac OS X").parse().profileDir());
        assertEquals(Path.of("C:/Users/ann/AppData/Roaming", "Stowage"),
                new CommandLine(Map.of("APPDATA", "C:/Users/ann/AppData/Roaming"), "C:/Users/ann", "Windows 11")
                        .parse().profileDir());
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        assertThrows(UsageException.class, () -> linux.parse("--", "--private"));
        assertEquals(List.of("https://example.com"), linux.parse("--", "example.com").urls());
    }

    @Test
    void unknownFlagsAndBadUrlsAreUsageErrorsThatNameTheCulprit() {
        assertTrue(assertThrows(UsageException.class, () -> linux.parse("--incognito")).getMessage().contains("--incognito"));
        assertTrue(assertThrows(UsageException.class, () -> linux.parse("-x")).getMessage().contains("-x"));
        assertTrue(assertThrows(UsageException.class, () -> linux.parse("not a url")).getMessage().contains("not a url"));
        assertTrue(assertThrows(UsageException.class, () -> linux.parse("ftp://x.org")).getMessage().contains("ftp"));
        assertTrue(assertThrows(UsageException.class, () -> linux.parse("--profile")).getMessage().contains("--profile"));
        assertThrows(UsageException.class, () -> linux.parse("--profile="));
    }

    @Test
    void clonePolicyDefaultsToLinksAndTakesTheThreeValuesEitherWay() throws UsageException {
        assertEquals(ClonePolicy.LINKS, linux.parse().clonePolicy());
        assertEquals(ClonePolicy.STANDARD, linux.parse("--clone-policy=standard").clonePolicy());
        assertEquals(ClonePolicy.NEVER, linux.parse("--clone-policy", "never", "example.com").clonePolicy());
        assertEquals(List.of("https://example.com"), linux.parse("--clone-policy", "never", "example.com").urls());
        assertEquals(ClonePolicy.LINKS, linux.parse("--clone-policy=links").clonePolicy());
    }

    @Test
    void closedTabsDefaultsToFirefoxs25AndTakesZeroToAHundredEitherWay() throws UsageException {
        assertEquals(25, linux.parse().closedTabs());
        assertEquals(0, linux.parse("--closed-tabs=0").closedTabs());
        assertEquals(100, linux.parse("--closed-tabs", "100", "example.com").closedTabs());
        assertEquals(List.of("https://example.com"), linux.parse("--closed-tabs", "7", "example.com").urls());
        for (String bad : List.of("--closed-tabs=101", "--closed-tabs=-1", "--closed-tabs=many", "--closed-tabs=")) {
            String message = assertThrows(UsageException.class, () -> linux.parse(bad)).getMessage();
            assertTrue(message.startsWith("--closed-tabs takes a number from 0 to 100"), message);
        }
        assertThrows(UsageException.class, () -> linux.parse("--closed-tabs"));
        assertTrue(CommandLine.HELP.contains("--closed-tabs=N"));
    }

    @Test
    void anUnknownClonePolicyNamesTheThreeValues() {
        String message = assertThrows(UsageException.class, () -> linux.parse("--clone-policy=all")).getMessage();
        assertTrue(message.contains("links") && message.contains("standard") && message.contains("never")
                && message.contains("'all'"), message);
        assertThrows(UsageException.class, () -> linux.parse("--clone-policy"));
    }

    @Test
    void helpAndVersionAreModesNotErrors() throws UsageException {
        assertEquals(LaunchOptions.Mode.RUN, linux.parse("example.com").mode());
        assertEquals(LaunchOptions.Mode.HELP, linux.parse("--help").mode());
        assertEquals(LaunchOptions.Mode.VERSION, linux.parse("--version").mode());
        assertEquals(LaunchOptions.Mode.HELP, linux.parse("--version", "--help").mode());
        assertTrue(CommandLine.HELP.contains("--clone-policy") && CommandLine.HELP.contains("--profile")
                && CommandLine.HELP.contains("--private") && CommandLine.HELP.contains("--version"));
    }
}
