package dev.stowage.app.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.shell.ClonePolicy;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a page leads to a new tab, under each clone policy, through the robot in the real shell: what
 * the new page's first inline script sees of the opener tab's sessionStorage, its {@code window.opener},
 * where the tab goes and whether it is selected, and that no namespace outlives the tabs.
 */
class NewTabStorageUiTest extends ShellTestBase {
    /** How a person or a page opens {@code /seen?query} from the opener page. */
    enum Trigger {
        BLANK_LINK("blank", false, false, false),
        NAMED_LINK("named", true, false, false),
        AREA("area", false, false, false),
        FORM("form=1", false, false, false),
        WINDOW_OPEN("open", true, false, false),
        WINDOW_OPEN_NAMED("opennamed", true, false, false),
        REL_OPENER_LINK("relopener", true, false, false),
        NOOPENER_LINK("noopener", false, true, false),
        NOREFERRER_LINK("noreferrer", false, true, false),
        WINDOW_OPEN_NOOPENER("opennoopener", false, true, false),
        WINDOW_OPEN_NOREFERRER("opennoreferrer", false, true, false),
        CTRL_CLICK("plain", false, false, true),
        MIDDLE_CLICK("plain", false, false, true),
        OPEN_LINK_IN_NEW_TAB("plain", false, false, true),
        MIDDLE_CLICK_NOOPENER_LINK("noopener", false, true, true),
        OPEN_NOREFERRER_LINK_IN_NEW_TAB("noreferrer", false, true, true);

        final String query;
        final boolean keepsOpener;
        final boolean optedOut;
        final boolean background;

        Trigger(String query, boolean keepsOpener, boolean optedOut, boolean background) {
            this.query = query;
            this.keepsOpener = keepsOpener;
            this.optedOut = optedOut;
            this.background = background;
        }

        /** What each policy promises, written out rather than asked of ClonePolicy. */
        boolean copies(ClonePolicy policy) {
            return switch (policy) {
                case LINKS -> !optedOut;
                case STANDARD -> keepsOpener;
                case NEVER -> false;
            };
        }
    }

    private final SessionStorageService storage = new SessionStorageService();

    @BeforeAll
    static void pages() {
        NewTabPages.serve(server);
    }

    static Stream<Arguments> everyTriggerUnderEveryPolicy() {
        List<Arguments> cases = new ArrayList<>();
        for (ClonePolicy policy : ClonePolicy.values()) {
            for (Trigger trigger : Trigger.values()) {
                cases.add(Arguments.of(policy, trigger));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTriggerUnderEveryPolicy")
    void theNewTabStartsAsThePolicyAndThePageSay(ClonePolicy policy, Trigger trigger) {
        int namespacesBefore = fx(() -> storage.namespaceIds().size());
        launchWithSessionStorage(storage, policy, server.url("/opener"));
        waitUntil("opener loaded", () -> "opener".equals(selected().labelBinding().get()));

        act(trigger);

        waitUntil("a second tab showing /seen", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("seen"));
        String expected = "seen from=" + (trigger.copies(policy) ? "opener" : "null")
                + " opener=" + (trigger.keepsOpener ? "set" : "null");
        assertEquals(expected, fx(() -> window.model().tabs().get(1).labelBinding().get()),
                "what the new page's first script saw");
        assertEquals(server.url("/seen?" + trigger.query), tabUrls().get(1));
        assertEquals(trigger.background ? 0 : 1, selectedIndex(), "background tabs stay behind their opener");
        List<String> referers = server.referers("/seen?" + trigger.query);
        if (trigger == Trigger.NOREFERRER_LINK || trigger == Trigger.WINDOW_OPEN_NOREFERRER
                || trigger == Trigger.OPEN_NOREFERRER_LINK_IN_NEW_TAB) {
            assertTrue(!referers.isEmpty() && referers.stream().allMatch(String::isEmpty),
                    "noreferrer sends no Referer: " + referers);
        } else if (!trigger.background) {
            // WebKit here sometimes asks for a popup's page twice, once without a Referer (measured).
            assertTrue(referers.contains(server.url("/opener")), "a Referer like any link: " + referers);
        }
        if (trigger == Trigger.WINDOW_OPEN_NOOPENER || trigger == Trigger.WINDOW_OPEN_NOREFERRER) {
            assertEquals(Boolean.TRUE, script(fx(() -> window.tab(window.model().tabs().get(0))), "window.__ret === null"),
                    "window.open with noopener returns null");
        }

        fx(() -> {
            window.close();
            return null;
        });
        waitUntil("every namespace released", () -> storage.namespaceIds().size() == namespacesBefore);
    }

    private void act(Trigger trigger) {
        switch (trigger) {
            case AREA -> robot.clickOn(elementOnScreen("mapimg"));
            case FORM -> robot.clickOn(elementOnScreen("submit"));
            case WINDOW_OPEN -> robot.clickOn(elementOnScreen("open"));
            case WINDOW_OPEN_NAMED -> robot.clickOn(elementOnScreen("opennamed"));
            case WINDOW_OPEN_NOOPENER -> robot.clickOn(elementOnScreen("opennoopener"));
            case WINDOW_OPEN_NOREFERRER -> robot.clickOn(elementOnScreen("opennoreferrer"));
            case CTRL_CLICK -> {
                Point2D link = elementOnScreen(trigger.query);
                robot.press(SHORTCUT);
                try {
                    robot.clickOn(link);
                } finally {
                    robot.release(SHORTCUT);
                }
            }
            case MIDDLE_CLICK, MIDDLE_CLICK_NOOPENER_LINK -> robot.clickOn(elementOnScreen(trigger.query), MouseButton.MIDDLE);
            case OPEN_LINK_IN_NEW_TAB, OPEN_NOREFERRER_LINK_IN_NEW_TAB -> {
                robot.moveTo(elementOnScreen(trigger.query));
                robot.clickOn(MouseButton.SECONDARY);
                robot.clickOn("Open link in new tab");
            }
            default -> robot.clickOn(elementOnScreen(trigger.query));
        }
    }

}
