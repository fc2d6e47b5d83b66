package dev.stowage.app.shell;

import java.util.Locale;
import java.util.Objects;

/**
 * What a page said, just before WebKit asks for a new window, about the tab it is opening: the injected
 * script reports it from {@code window.open}, a link or area activation and a form submission, because
 * WebKit tells the popup handler neither the URL, nor the target name, nor {@code noopener} and
 * {@code noreferrer} (it honours none of them).
 *
 * <p>Untrusted: the page can say anything here. The shell uses it only for decisions that a page may make
 * about its own tabs anyway (whether its new tab keeps an opener, gets no Referer, gets a copy of the
 * page's own tab's storage, or reuses a tab it named), never for anything that reaches another tab's data.
 *
 * @param kind       what opened it
 * @param url        the absolute URL the new tab is to load, as the page resolved it (may be empty)
 * @param target     the target name as given: {@code _blank} or a name
 * @param noopener   {@code noopener} was asked for ({@code rel} or {@code window.open}'s features)
 * @param noreferrer {@code noreferrer} was asked for (implies no opener and no Referer)
 * @param relOpener  a link or form said {@code rel=opener}: a {@code _blank} target keeps its opener
 */
public record OpenIntent(Kind kind, String url, String target, boolean noopener, boolean noreferrer, boolean relOpener) {
    /** What led to the new tab. */
    public enum Kind {
        /** {@code window.open}. */
        SCRIPT,
        /** A link or an image-map area with a target. */
        LINK,
        /** A form submission with a target. */
        FORM
    }

    public OpenIntent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Reads the fields as the injected script sends them (strings only).
     *
     * @param flags space-separated words among {@code noopener}, {@code noreferrer}, {@code opener}
     * @throws IllegalArgumentException for an unknown kind
     */
    public static OpenIntent parse(String kind, String url, String target, String flags) {
        Kind k = switch (Objects.requireNonNull(kind, "kind")) {
            case "script" -> Kind.SCRIPT;
            case "link" -> Kind.LINK;
            case "form" -> Kind.FORM;
            default -> throw new IllegalArgumentException("unknown kind of opening: " + kind);
        };
        String padded = " " + Objects.requireNonNull(flags, "flags") + " ";
        return new OpenIntent(k, url, target, padded.contains(" noopener "), padded.contains(" noreferrer "),
                padded.contains(" opener "));
    }

    /** The page asked for the new tab to be kept apart: {@code noopener} or {@code noreferrer}. */
    public boolean optedOut() {
        return noopener || noreferrer;
    }

    /** A target name that may name an existing tab (anything but {@code _blank}). */
    public boolean namedTarget() {
        return !target.isEmpty() && !target.toLowerCase(Locale.ROOT).equals("_blank");
    }

    /**
     * Whether the new page's {@code window.opener} is its opener's window, as the Standard says: yes for
     * {@code window.open} and named targets, for a {@code _blank} link or form only with {@code rel=opener};
     * never when the page opted out.
     */
    public boolean keepsOpener() {
        if (optedOut()) {
            return false;
        }
        return kind == Kind.SCRIPT || namedTarget() || relOpener;
    }
}
