package dev.stowage.app.shell;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a tab that a page opens starts with a copy of its opener tab's sessionStorage or with an empty
 * one. Chosen once per window ({@code --clone-policy}); a pure decision, FX-free, thread-safe.
 *
 * <p>Whatever the policy: Duplicate tab always copies, and a page that opts out ({@code rel=noopener} or
 * {@code rel=noreferrer} on a link, area or form, {@code noopener}/{@code noreferrer} among
 * {@code window.open}'s features) never gets a copy, as no browser would hand storage to a tab the page
 * asked to keep apart.
 */
public enum ClonePolicy {
    /**
     * Every way a page leads to a new tab copies: {@code target=_blank} and named targets, areas and forms
     * with a target, {@code window.open}, Ctrl+click, middle-click and "Open link in new tab". The default:
     * what people expect when they carry a session into a new tab.
     */
    LINKS,
    /**
     * The HTML Standard: a copy only when the new tab keeps its opener ({@code window.open} without
     * {@code noopener}, a named target, {@code rel=opener}); a plain {@code target=_blank} link, which the
     * Standard treats as {@code noopener}, and the shell's own "open in new tab" get an empty area.
     */
    STANDARD,
    /** No new tab ever gets a copy, except Duplicate tab. */
    NEVER;

    /** The value names as the command line spells them. */
    public static final String CHOICES = "links, standard or never";

    /**
     * @throws IllegalArgumentException naming the three values, if {@code value} is none of them
     */
    public static ClonePolicy parse(String value) {
        Objects.requireNonNull(value, "value");
        for (ClonePolicy policy : values()) {
            if (policy.cliName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("--clone-policy must be " + CHOICES + ", not '" + value + "'");
    }

    /** The name on the command line: {@code links}, {@code standard} or {@code never}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a new tab opened from a page starts with a copy of the opener tab's storage.
     *
     * @param keepsOpener whether the new page's {@code window.opener} is its opener's window
     * @param optedOut    whether the page asked for {@code noopener} or {@code noreferrer}
     */
    public boolean copies(boolean keepsOpener, boolean optedOut) {
        if (optedOut) {
            return false;
        }
        return switch (this) {
            case LINKS -> true;
            case STANDARD -> keepsOpener;
            case NEVER -> false;
        };
    }
}
