package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Pages} against plain arrays, growing from a part of a page to many pages. */
class PagesTest {
    @Test
    void pagedArraysGrowAndKeepWhatTheyHeldLikePlainOnes() {
        Random random = new Random(11);
        int[][] ints = Pages.ints(Pages.NO_INTS, 10);
        String[][] strings = Pages.strings(Pages.NO_STRINGS, 10);
        int[] plainInts = new int[0];
        String[] plainStrings = new String[0];
        for (int length : new int[] {10, 100, Pages.PAGE - 1, Pages.PAGE, Pages.PAGE + 1, 3 * Pages.PAGE + 5, 9 * Pages.PAGE}) {
            ints = Pages.ints(ints, length);
            strings = Pages.strings(strings, length);
            plainInts = Arrays.copyOf(plainInts, length);
            plainStrings = Arrays.copyOf(plainStrings, length);
            assertTrue(Pages.length(ints) >= length && Pages.length(strings) >= length);
            for (int n = 0; n < 2_000; n++) {
                int i = random.nextInt(length);
                Pages.put(ints, i, random.nextInt());
                plainInts[i] = Pages.at(ints, i);
                Pages.put(strings, i, "s" + n);
                plainStrings[i] = Pages.at(strings, i);
            }
            for (int i = 0; i < length; i++) {
                assertEquals(plainInts[i], Pages.at(ints, i), "int " + i + " of " + length);
                assertEquals(plainStrings[i], Pages.at(strings, i), "string " + i + " of " + length);
            }
            for (int[] page : ints) {
                assertTrue(page.length <= Pages.PAGE, "no page longer than a page");
            }
        }
        assertSame(ints, Pages.ints(ints, 5), "room enough: the same pages");
    }
}
