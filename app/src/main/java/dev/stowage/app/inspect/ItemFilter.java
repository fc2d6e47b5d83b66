package dev.stowage.app.inspect;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The inspector's filter box: plain text matches any row whose key or value contains it (ignoring case);
 * {@code /regex/} matches rows where the expression finds a match in the key or the value
 * ({@code /regex/i} ignores case). Immutable.
 */
public final class ItemFilter {
    /** Passes every row. */
    public static final Predicate<ItemRow> ALL = row -> true;

    private ItemFilter() {
    }

    /**
     * The filter {@code text} asks for; {@link #ALL} for blank text.
     *
     * @throws IllegalArgumentException with a reason a person can read, for a {@code /regex/} that does not compile
     */
    public static Predicate<ItemRow> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return ALL;
        }
        if (text.length() >= 2 && text.startsWith("/") && (text.endsWith("/") || text.endsWith("/i"))) {
            boolean ignoreCase = text.endsWith("/i") && text.length() >= 3;
            String expression = text.substring(1, text.length() - (ignoreCase ? 2 : 1));
            try {
                Pattern pattern = Pattern.compile(expression, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
                return row -> pattern.matcher(row.key()).find() || pattern.matcher(row.value()).find();
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Not a regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " at " + e.getIndex() : ""), e);
            }
        }
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return row -> contains(row.key(), needle) || contains(row.value(), needle);
    }

    private static boolean contains(String haystack, String lowerNeedle) {
        return haystack.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
    }
}
