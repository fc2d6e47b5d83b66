package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a page's announcement means for the opener and for the clone policy. */
class OpenIntentTest {
    @Test
    void theOpenerFollowsTheStandard() {
        assertTrue(OpenIntent.parse("script", "http://a/", "_blank", "").keepsOpener());
        assertFalse(OpenIntent.parse("script", "http://a/", "_blank", " noopener").keepsOpener());
        assertFalse(OpenIntent.parse("link", "http://a/", "_blank", "").keepsOpener(), "a _blank link is noopener");
        assertTrue(OpenIntent.parse("link", "http://a/", "_BLANK", " opener").keepsOpener());
        assertTrue(OpenIntent.parse("link", "http://a/", "name", "").keepsOpener(), "named targets keep it");
        assertFalse(OpenIntent.parse("form", "http://a/", "name", "noreferrer").keepsOpener());
        assertFalse(OpenIntent.parse("link", "http://a/", "_Blank", "").namedTarget());
    }

    @Test
    void unknownKindsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OpenIntent.parse("frame", "", "_blank", ""));
    }

    @Test
    void policiesDecideOnlyWhatThePageDidNotOptOutOf() {
        for (ClonePolicy policy : ClonePolicy.values()) {
            assertFalse(policy.copies(true, true), policy + " with noopener");
        }
        assertTrue(ClonePolicy.LINKS.copies(false, false));
        assertFalse(ClonePolicy.STANDARD.copies(false, false));
        assertTrue(ClonePolicy.STANDARD.copies(true, false));
        assertFalse(ClonePolicy.NEVER.copies(true, false));
        assertEquals(ClonePolicy.STANDARD, ClonePolicy.parse(" Standard "));
    }

    @Test
    void onlyWebUrlsAreLoadedOnAPagesWord() {
        String web = "https://b.example/page";
        assertTrue(NewTabRouter.isOpenable("https://a.example/x", web));
        assertTrue(NewTabRouter.isOpenable("HTTP://a.example/x", web));
        assertFalse(NewTabRouter.isOpenable("file:///etc/passwd", web), "a web page opens no local file");
        assertTrue(NewTabRouter.isOpenable("file:///tmp/b.html", "file:///tmp/a.html"), "a local page may");
        assertFalse(NewTabRouter.isOpenable("javascript:alert(1)", web));
        assertFalse(NewTabRouter.isOpenable("data:text/html,x", web));
        assertFalse(NewTabRouter.isOpenable("", web));
    }
}
