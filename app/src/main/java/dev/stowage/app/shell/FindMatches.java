package dev.stowage.app.shell;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.html.HTMLFrameElement;
import org.w3c.dom.html.HTMLIFrameElement;

/**
 * How often a text occurs in a page, read from the page's DOM through Java (no script of the page's, or of
 * ours, runs), in the main document and every frame's, as WebKit's find searches them. Text in scripts,
 * styles and {@code hidden} elements is left out, runs of white space count as one space, and a block's end
 * separates words as the rendered page does, so the count follows what WebKit's find can select. Matching
 * ignores case, as Chrome's find does. FX thread, on a loaded page.
 */
final class FindMatches {
    private static final Set<String> SKIPPED = Set.of("SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE");
    private static final Set<String> BLOCKS = Set.of("P", "DIV", "LI", "UL", "OL", "DL", "DT", "DD", "H1", "H2",
            "H3", "H4", "H5", "H6", "BR", "TR", "TD", "TH", "TABLE", "SECTION", "ARTICLE", "HEADER", "FOOTER", "NAV",
            "ASIDE", "MAIN", "PRE", "BLOCKQUOTE", "FORM", "FIELDSET", "FIGURE", "FIGCAPTION", "HR", "BODY", "BUTTON",
            "OPTION", "IFRAME");

    private FindMatches() {
    }

    /** The matches of {@code query} in {@code document} and its frames' documents; 0 for an empty query. */
    static int count(Document document, String query) {
        Objects.requireNonNull(query, "query");
        String q = query.replaceAll("\\s+", " ");
        if (document == null || q.isEmpty()) {
            return 0;
        }
        StringBuilder text = new StringBuilder();
        append(document, text);
        String all = text.toString();
        int count = 0;
        for (int at = 0; at + q.length() <= all.length(); at++) {
            if (all.regionMatches(true, at, q, 0, q.length())) {
                count++;
                at += q.length() - 1;
            }
        }
        return count;
    }

    /** A document's visible text, then each of its frames' in order, with a break between documents. */
    private static void append(Document document, StringBuilder text) {
        StringBuilder frames = new StringBuilder();
        add(document.getDocumentElement(), text, frames);
        text.append('\n').append(frames);
    }

    private static void add(Node node, StringBuilder text, StringBuilder frames) {
        if (node == null) {
            return;
        }
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String data = node.getNodeValue();
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                if (!Character.isWhitespace(c)) {
                    text.append(c);
                } else if (!text.isEmpty() && text.charAt(text.length() - 1) != ' '
                        && text.charAt(text.length() - 1) != '\n') {
                    text.append(' '); // runs of white space render as one space
                }
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.getTagName().toUpperCase(Locale.ROOT);
        if (SKIPPED.contains(tag) || element.hasAttribute("hidden")) {
            return;
        }
        Document frame = element instanceof HTMLIFrameElement f ? f.getContentDocument()
                : element instanceof HTMLFrameElement f ? f.getContentDocument() : null;
        if (frame != null) {
            append(frame, frames); // WebKit's find goes through a frame after the document that holds it
            return;
        }
        boolean block = BLOCKS.contains(tag);
        if (block) {
            text.append('\n');
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            add(child, text, frames);
        }
        if (block) {
            text.append('\n');
        }
    }
}
