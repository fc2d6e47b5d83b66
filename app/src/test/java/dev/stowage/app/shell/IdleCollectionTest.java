package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy of {@link IdleCollection}, on a clock, an input and a CPU time of its own. */
class IdleCollectionTest {
    private static final long MS = 1_000_000;

    private long now = 1_000_000 * MS;
    private long lastInput = now;
    private long work;
    private boolean available = true;
    private final List<String> calls = new ArrayList<>();
    private final IdleCollection idle = new IdleCollection(new IdleCollection.Collector() {
        @Override
        public boolean available() {
            return available;
        }

        @Override
        public void ask() {
            calls.add("ask");
        }

        @Override
        public void withdraw() {
            calls.add("withdraw");
        }
    }, new IdleCollection.Sources() {
        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public long lastInputNanos() {
            return lastInput;
        }

        @Override
        public long workNanos() {
            return work;
        }
    });

    private void pass(long ms) {
        now += ms * MS;
        idle.check();
    }

    @Test
    void asksOnceTheProcessWasQuietAfterTheFxThreadWorked() {
        work += 600 * MS;
        pass(4_000);
        assertEquals(List.of(), calls, "4 s after the last input is not yet quiet");
        pass(1_000);
        assertEquals(List.of("ask"), calls);
        assertTrue(idle.asking());
        pass(1_000);
        assertEquals(List.of("ask"), calls, "one request at a time");

        idle.collected();
        assertEquals(List.of("ask", "withdraw"), calls, "the flag goes back once the collection came");
        assertFalse(idle.asking());
        assertEquals(1, idle.collectedAtIdle());
    }

    @Test
    void asksNothingWhenTheFxThreadDidLittleSinceTheLastCollection() {
        work += 600 * MS;
        idle.collected(); // the JVM collected on its own after that work
        work += 400 * MS;
        pass(60_000);
        assertEquals(List.of(), calls);
        assertEquals(0, idle.collectedAtIdle(), "a collection nobody asked for is not one at idle");

        work += 100 * MS;
        pass(1_000);
        assertEquals(List.of("ask"), calls, "500 ms of work since that collection");
    }

    @Test
    void inputBeforeTheCollectionTakesTheRequestBackAndTheSpacingWithIt() {
        work += 600 * MS;
        pass(5_000);
        lastInput = now;
        pass(250);
        assertEquals(List.of("ask", "withdraw"), calls);
        assertFalse(idle.asking());

        idle.collected();
        assertEquals(0, idle.collectedAtIdle(), "the collection that came anyway was not asked for any more");
        work += 600 * MS;
        pass(5_000);
        assertEquals(List.of("ask", "withdraw", "ask"), calls, "a request not answered does not count against the spacing");
    }

    @Test
    void aRequestNotAnsweredIsTakenBackAndNotRepeatedInTheSameQuietTime() {
        work += 600 * MS;
        pass(5_000);
        pass(4_750);
        assertEquals(List.of("ask"), calls);
        pass(250);
        assertEquals(List.of("ask", "withdraw"), calls, "given up after 5 s");
        work += 600 * MS;
        pass(60_000);
        assertEquals(List.of("ask", "withdraw"), calls);
    }

    @Test
    void asksOnceInAQuietTime() {
        work += 600 * MS;
        pass(5_000);
        idle.collected();
        work += 600 * MS;
        pass(60_000);
        assertEquals(List.of("ask", "withdraw"), calls, "the FX thread worked again (a caret blinking), but nobody gave input");

        lastInput = now;
        pass(5_000);
        assertEquals(List.of("ask", "withdraw", "ask"), calls, "a new quiet time");
    }

    @Test
    void asksAtMostOncePerSpacing() {
        work += 600 * MS;
        pass(5_000);
        idle.collected();
        lastInput = now;
        work += 600 * MS;
        pass(5_000);
        pass(24_000);
        assertEquals(List.of("ask", "withdraw"), calls, "29 s after the last request");
        pass(1_000);
        assertEquals(List.of("ask", "withdraw", "ask"), calls);
    }

    @Test
    void asksNothingOfACollectorThatCannot() {
        available = false;
        work += 600 * MS;
        pass(60_000);
        assertEquals(List.of(), calls);
    }
}
