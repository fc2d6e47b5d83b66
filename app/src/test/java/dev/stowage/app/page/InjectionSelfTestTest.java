package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.Fx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The start-up self-test passes with the hook in place and fails loudly without it. */
class InjectionSelfTestTest {
    @Test
    void passesWhenPagesGetTheShellsSessionStorage() throws Exception {
        InjectionSelfTest.Result result = Fx.call(() -> InjectionSelfTest.run(Duration.ofSeconds(20)))
                .get(30, TimeUnit.SECONDS);
        assertTrue(result.passed(), result.message());
    }

    @Test
    void failsWhenPagesGetWebKitsOwnSessionStorage() throws Exception {
        InjectionSelfTest.Result result = Fx.call(() -> InjectionSelfTest.run(Duration.ofSeconds(20), (engine, ns) -> {
            PageStorage storage = PageStorage.attach(engine, ns);
            storage.close(); // the hook is gone before the first load: pages get WebKit's sessionStorage
            return storage;
        })).get(30, TimeUnit.SECONDS);
        assertFalse(result.passed());
        assertEquals("the page's first script did not get the shell's sessionStorage", result.message());
    }
}
