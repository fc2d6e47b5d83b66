package dev.stowage.app.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The root of every test base of the app: the FX toolkit started once per JVM ({@link Fx}, Monocle,
 * headless) and one local {@link TestServer} per test class. JUnit runs this class's {@code @BeforeAll}
 * before a subclass's, so a subclass may register pages in its own. The bases for each kind of test build
 * on it: {@link ShellTestBase} (the whole shell through the robot) and the page tests' base (bare tabs).
 */
public abstract class KitTestBase {
    protected static TestServer server;

    @BeforeAll
    static void startToolkitAndServer() {
        Fx.start();
        server = new TestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** {@link Fx#sleep(long)}. */
    protected static void sleep(long ms) {
        Fx.sleep(ms);
    }
}
