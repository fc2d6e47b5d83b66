package dev.stowage.app.inspect;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Large arrays as pages of {@link #PAGE} elements, for {@link RowTable}.
 *
 * <p><b>Why.</b> G1 allocates an array of half a heap region or more (512 KB with the 1 MB regions of a heap
 * under 2-4 GB, 2 MB with 4 MB regions) as a humongous object, straight in the old generation, and with the
 * old generation past its threshold each such allocation starts a young pause of its own. The index of
 * 100k keys was one int[] of 2 MB: in the inspector's benchmark most of the JVM's pauses during the rounds
 * were those (-Xlog:gc: "G1 Humongous Allocation"), each at the very moment an opening allocated it, and
 * each followed on the FX thread by a full collection of the page's JavaScript heap (docs/BENCHMARKS.md).
 * A page is 64 KB of ints or compressed references, never humongous; growing past a page adds pages and
 * copies none.
 *
 * <p>An array of up to a page is one page of its own length, copied (doubling, up to a page) when it grows.
 * Not thread-safe.
 */
final class Pages {
    static final int PAGE_BITS = 14;
    static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;
    static final int[][] NO_INTS = {new int[0]};
    static final String[][] NO_STRINGS = {new String[0]};

    private Pages() {
    }

    static int at(int[][] pages, int index) {
        return pages[index >>> PAGE_BITS][index & MASK];
    }

    static void put(int[][] pages, int index, int value) {
        pages[index >>> PAGE_BITS][index & MASK] = value;
    }

    static String at(String[][] pages, int index) {
        return pages[index >>> PAGE_BITS][index & MASK];
    }

    static void put(String[][] pages, int index, String value) {
        pages[index >>> PAGE_BITS][index & MASK] = value;
    }

    /** How many elements {@code pages} hold. */
    static int length(int[][] pages) {
        return pages.length == 1 ? pages[0].length : pages.length << PAGE_BITS;
    }

    static int length(String[][] pages) {
        return pages.length == 1 ? pages[0].length : pages.length << PAGE_BITS;
    }

    /** {@code pages} with room for at least {@code length} elements, theirs kept; {@code pages} itself if it has. */
    static int[][] ints(int[][] pages, int length) {
        return grown(pages, length, length(pages), int[]::new, Arrays::copyOf, page -> page.length);
    }

    /** As {@link #ints}, for strings. */
    static String[][] strings(String[][] pages, int length) {
        return grown(pages, length, length(pages), String[]::new, Arrays::copyOf, page -> page.length);
    }

    private static <P> P[] grown(P[] pages, int length, int held, IntFunction<P> page, BiFunction<P, Integer, P> copy,
                                 ToIntFunction<P> lengthOf) {
        if (length <= held) {
            return pages;
        }
        if (length <= PAGE) { // one part of a page, held: copied, so at least twice as long, up to a page
            P[] one = Arrays.copyOf(pages, 1);
            one[0] = copy.apply(pages[0], Math.min(PAGE, Math.max(length, 2 * held)));
            return one;
        }
        P[] more = Arrays.copyOf(pages, pageCount(length));
        for (int p = 0; p < more.length; p++) {
            if (more[p] == null) {
                more[p] = page.apply(PAGE);
            } else if (lengthOf.applyAsInt(more[p]) < PAGE) {
                more[p] = copy.apply(more[p], PAGE);
            }
        }
        return more;
    }

    private static int pageCount(int length) {
        return (length + MASK) >>> PAGE_BITS;
    }
}
