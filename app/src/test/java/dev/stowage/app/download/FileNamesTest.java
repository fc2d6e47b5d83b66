package dev.stowage.app.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a download is called on the disk, and the Referer its request carries. */
class FileNamesTest {
    private static String name(String url, String disposition) {
        return FileNames.forResponse(url, Optional.ofNullable(disposition));
    }

    @Test
    void theServersNameWinsThenTheUrlsThenAFallback() {
        assertEquals("report.txt", name("http://a.test/x?id=1", "attachment; filename=\"report.txt\""));
        assertEquals("résumé.pdf", name("http://a.test/x", "attachment; filename=\"r.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf"));
        assertEquals("plain.txt", name("http://a.test/x", "attachment; filename=plain.txt"));
        assertEquals("a b.zip", name("http://a.test/files/a%20b.zip?x=1", null));
        assertEquals("download", name("http://a.test/", null));
        assertEquals("download", name("http://a.test/", "attachment"));
    }

    @Test
    void noNameReachesOutsideTheFolderOrHidesOrUsesReservedNames() {
        assertEquals("passwd", name("http://a.test/x", "attachment; filename=\"../../etc/passwd\""));
        assertEquals("evil.exe", name("http://a.test/x", "attachment; filename=\"..\\\\..\\\\evil.exe\""));
        assertEquals("bashrc", name("http://a.test/x", "attachment; filename=\".bashrc\""));
        assertEquals("a_b_c.txt", name("http://a.test/x", "attachment; filename=\"a\u0000b\u202Ec.txt\""));
        assertEquals("_con.txt", name("http://a.test/x", "attachment; filename=\"con.txt\""));
        assertEquals("download", name("http://a.test/..", null));
        String longName = "x".repeat(300) + ".pdf";
        String kept = name("http://a.test/x", "attachment; filename=\"" + longName + "\"");
        assertTrue(kept.length() <= FileNames.MAX_LENGTH && kept.endsWith(".pdf"), kept);
        String wide = name("http://a.test/x", "attachment; filename*=UTF-8''" + "%F0%9F%98%80".repeat(120) + ".txt");
        assertTrue(wide.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= FileNames.MAX_LENGTH && wide.endsWith(".txt"),
                "counted in bytes: " + wide.length());
        assertEquals(wide, new String(wide.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8), "no character cut in half");
    }

    @Test
    void aTakenNameIsNumberedBeforeItsExtension() {
        assertEquals("report (1).pdf", FileNames.numbered("report.pdf", 1));
        assertEquals("archive (2).tar.gz", FileNames.numbered("archive.tar.gz", 2));
        assertEquals("README (3)", FileNames.numbered("README", 3));
    }

    @Test
    void theRefererFollowsStrictOriginWhenCrossOrigin() {
        assertEquals(Optional.of("http://a.test/page?q=1"), Referers.forRequest("http://a.test/page?q=1#top", "http://a.test/f"));
        assertEquals(Optional.of("http://a.test/"), Referers.forRequest("http://a.test/page?q=1", "http://b.test/f"));
        assertEquals(Optional.empty(), Referers.forRequest("https://a.test/page", "http://a.test/f"));
        assertEquals(Optional.empty(), Referers.forRequest("about:blank", "http://a.test/f"));
        assertEquals(Optional.empty(), Referers.forRequest("", "http://a.test/f"));
    }
}
