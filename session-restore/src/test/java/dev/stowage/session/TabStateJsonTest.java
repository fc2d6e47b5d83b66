package dev.stowage.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.session.TabState.HistoryEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session file will be Jackson; tab state must survive a round trip and refuse a broken one. */
class TabStateJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void roundTripsThroughJson() throws Exception {
        TabState tab = new TabState("ns-1", List.of(new HistoryEntry("http://127.0.0.1:8080/a", "A \uD800"),
                new HistoryEntry("http://127.0.0.1:8080/b", "B")), 1, "B");
        assertEquals(tab, json.readValue(json.writeValueAsString(tab), TabState.class));
    }

    @Test
    void refusesAnInconsistentTab() {
        String broken = "{\"namespaceId\":\"ns\",\"history\":[{\"url\":\"http://x/\",\"title\":\"\"}],"
                + "\"historyIndex\":5,\"title\":\"\"}";
        assertThrows(Exception.class, () -> json.readValue(broken, TabState.class));
    }
}
