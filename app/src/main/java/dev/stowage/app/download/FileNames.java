package dev.stowage.app.download;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a download gets on the disk: the server's ({@code Content-Disposition}'s {@code filename*} or
 * {@code filename}), else the URL's last path segment, else {@code download}; made safe to use as one file
 * name in any folder (no separators, no control characters, no leading dots, no names Windows reserves, at
 * most {@value #MAX_LENGTH} characters). Pure functions; thread-safe.
 */
public final class FileNames {
    /** Longest name kept, in UTF-8 bytes, leaving room for " (99)" and ".part" under common 255-byte limits. */
    static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "download";
    private static final Pattern EXTENDED = Pattern.compile("(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([^']*)'[^']*'([^;]+)");
    private static final Pattern QUOTED = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*([^;\"]+)");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private FileNames() {
    }

    /**
     * The safe name for a response of {@code url} with the given {@code Content-Disposition} header (may be
     * empty).
     */
    public static String forResponse(String url, Optional<String> contentDisposition) {
        String fromHeader = contentDisposition.flatMap(FileNames::fromDisposition).map(FileNames::safe).orElse("");
        if (!fromHeader.isEmpty()) {
            return fromHeader;
        }
        String fromUrl = safe(lastSegment(url));
        return fromUrl.isEmpty() ? FALLBACK : fromUrl;
    }

    /** {@code name} with " (n)" before its extension: {@code report (1).pdf}, {@code archive (2).tar.gz}. */
    public static String numbered(String name, int n) {
        int dot = extensionStart(name);
        return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }

    private static int extensionStart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String compound : new String[] {".tar.gz", ".tar.bz2", ".tar.xz"}) {
            if (lower.endsWith(compound) && lower.length() > compound.length()) {
                return name.length() - compound.length();
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? dot : name.length();
    }

    static Optional<String> fromDisposition(String header) {
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            try {
                String charset = extended.group(1).isBlank() ? "UTF-8" : extended.group(1).trim();
                return Optional.of(URLDecoder.decode(extended.group(2).trim().replace("+", "%2B"),
                        java.nio.charset.Charset.forName(charset)));
            } catch (IllegalArgumentException e) {
                // an unknown charset or bad escapes: fall back to the plain filename
            }
        }
        Matcher quoted = QUOTED.matcher(header);
        if (quoted.find()) {
            return Optional.of(quoted.group(1).replaceAll("\\\\(.)", "$1"));
        }
        Matcher token = TOKEN.matcher(header);
        return token.find() ? Optional.of(token.group(1).trim()) : Optional.empty();
    }

    private static String lastSegment(String url) {
        try {
            String path = URI.create(url).getRawPath();
            if (path == null) {
                return "";
            }
            String segment = path.substring(path.lastIndexOf('/') + 1);
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** One safe file name from anything a server says, or "" when nothing usable is left. */
    static String safe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        // Only the last component counts: a name that names a path names no folder of ours.
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        for (int i = 0; i < last.length(); ) {
            int cp = last.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || "<>:\"|?*".indexOf(cp) >= 0 || Character.getType(cp) == Character.FORMAT) {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        }
        String cleaned = out.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1); // no hidden files, no "." or ".."
        }
        while (cleaned.endsWith(".") || cleaned.endsWith(" ")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        if (RESERVED.matcher(cleaned).matches()) {
            cleaned = "_" + cleaned;
        }
        if (utf8Length(cleaned) > MAX_LENGTH) {
            int dot = extensionStart(cleaned);
            String ext = cleaned.length() - dot <= 20 ? cleaned.substring(dot) : "";
            cleaned = prefixWithin(cleaned.substring(0, dot), MAX_LENGTH - utf8Length(ext)) + ext;
        }
        return cleaned;
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code text} of at most {@code bytes} UTF-8 bytes, never splitting a character. */
    private static String prefixWithin(String text, int bytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }
}
