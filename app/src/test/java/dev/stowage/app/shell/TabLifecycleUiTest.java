package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.web.WebEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing tabs unloads their pages (pagehide/unload handlers reach the server), and the seams other issues
 * build on: the engine initializer runs before the first load, and popups go through the popup handler.
 */
class TabLifecycleUiTest extends ShellTestBase {
    private static final String REPORTING_PAGE = "<!doctype html><title>Reporter</title><script>"
            // Measured: this WebKit sends keepalive fetches and image loads from pagehide/unload, while
            // synchronous XHR and sendBeacon never reach the server, so the page reports with fetch.
            + "function report(what){fetch('/beacon?'+what,{keepalive:true});}"
            + "addEventListener('pagehide',function(){report('pagehide')});"
            + "addEventListener('unload',function(){report('unload')});"
            + "</script><p>reporting</p>";

    @BeforeAll
    static void pages() {
        server.page("/reporter", REPORTING_PAGE)
                .titled("/beacon", "ok", "ok")
                .titled("/plain", "Plain", "plain")
                .titled("/opener", "Opener", "<a href='/popup' target='_blank' style='display:block;height:500px'>popup</a>")
                .titled("/popup", "Popup", "popup");
    }

    @Test
    void closingATabRunsItsPagehideAndUnloadHandlers() {
        launch(server.url("/reporter"), server.url("/plain"));
        robot.clickOn(robot.from(tabHeader(0)).lookup(".tab-close").<Node>query());
        waitUntil("pagehide reported", () -> server.requests().contains("/beacon?pagehide"));
        waitUntil("unload reported", () -> server.requests().contains("/beacon?unload"));
    }

    @Test
    void closingTheWindowRunsEveryPagesUnloadHandlers() {
        launch(server.url("/reporter"), server.url("/reporter"));
        long before = server.count("/beacon");
        fx(() -> {
            window.stage().fireEvent(new javafx.stage.WindowEvent(window.stage(),
                    javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
        waitUntil("window closed", () -> !window.stage().isShowing());
        waitUntil("pagehide and unload of both pages reported", () -> server.count("/beacon") == before + 4);
    }

    @Test
    void initializerSeesEachTabsEngineBeforeItLoadsAnything() {
        List<String> seen = new CopyOnWriteArrayList<>();
        TabEngineInitializer recorder = (engine, tab, start) -> {
            assertSame(engine, tab.engine());
            seen.add(tab.id() + " " + engine.getLocation() + " " + engine.getLoadWorker().getState());
        };
        launch(recorder, PopupHandler.OPEN_IN_NEW_TAB, server.url("/plain"), server.url("/plain"));
        List<String> ids = fx(() -> window.model().tabs().stream().map(TabModel::id).toList());
        assertEquals(List.of(ids.get(0) + " null READY", ids.get(1) + " null READY"), seen);
        assertTrue(ids.get(0).length() > 8 && !ids.get(0).equals(ids.get(1)), "ids are distinct and not indices");
    }

    @Test
    void targetBlankLinkOpensAPopupTabNextToItsOpener() {
        List<BrowserTab> popups = new CopyOnWriteArrayList<>();
        TabEngineInitializer recorder = (engine, tab, start) -> {
            if (tab.openerId().isPresent()) {
                popups.add(tab);
            }
        };
        launch(recorder, PopupHandler.OPEN_IN_NEW_TAB, server.url("/opener"), server.url("/plain"));
        String openerId = fx(() -> window.model().tabs().get(0).id());
        robot.clickOn(fx(() -> selectedTab().webView()));
        waitUntil("popup tab", () -> window.model().tabs().size() == 3);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/opener"), server.url("/popup"), server.url("/plain")), tabUrls());
        assertEquals(1, selectedIndex());
        assertEquals(1, popups.size());
        assertEquals(openerId, popups.get(0).openerId().orElseThrow());
    }

    @Test
    void popupHandlerIsReplaceable() {
        List<String> asked = new CopyOnWriteArrayList<>();
        PopupHandler blocker = (opener, features, tabs) -> {
            asked.add(opener.id());
            return null;
        };
        launch(TabEngineInitializer.NONE, blocker, server.url("/opener"));
        robot.clickOn(fx(() -> selectedTab().webView()));
        waitUntil("handler asked", () -> !asked.isEmpty());
        assertEquals(1, fx(() -> window.model().tabs().size()));
        WebEngine engine = fx(() -> selectedTab().engine());
        assertNotNull(engine);
    }
}
