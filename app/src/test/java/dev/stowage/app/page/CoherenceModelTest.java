package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import dev.stowage.app.testing.TestServer;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two documents of a tab write at random (set, named set, remove, delete, clear, with and without
 * microtask checkpoints between them); both always agree, and Java ends up with the same items in the
 * same order: the coalesced write log is exact.
 */
class CoherenceModelTest {
    @ParameterizedTest
    @ValueSource(ints = {12345, 777, 4242})
    void twoWritersAndJavaAgreeOnItemsAndOrder(int seed) {
        SessionStorageService service = Fx.call(SessionStorageService::new);
        SessionNamespace ns = Fx.call(service::createNamespace);
        try (TestServer server = new TestServer(); TestTab tab = TestTab.injected(() -> ns)) {
            tab.run(server.url("/model.html?" + seed)).assertAllPass(1);
            Map<String, String> java = Fx.call(() -> ns.area(Origin.of(server.url("/"))).getAll());
            StringBuilder expected = new StringBuilder("[");
            java.forEach((k, v) -> expected.append(expected.length() > 1 ? "," : "")
                    .append("[\"").append(k).append("\",\"").append(v).append("\"]"));
            expected.append(']');
            assertEquals(tab.evalString("window.finalView"), expected.toString());
        }
    }
}
