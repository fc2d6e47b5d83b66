package dev.stowage.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.html.HTMLFrameElement;
import org.w3c.dom.html.HTMLIFrameElement;

/**
 * Where a text occurs in a page, read from the page's DOM through Java (no script of the page's, or of
 * ours, runs): the main document first, then each frame's, as WebKit's find goes. Text in scripts, styles
 * and {@code hidden} elements is left out, and a block's end separates words as the rendered page does, so
 * the count follows what WebKit's find can select. Matching ignores case, as Chrome's find does.
 *
 * <p>Made on the FX thread from a loaded page; a snapshot: the page may change after.
 */
final class FindMatches {
    /** Where one match starts: a text node and the offset in it. */
    record Start(Node node, int offset) {
    }

    private static final Set<String> SKIPPED = Set.of("SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE");
    private static final Set<String> BLOCKS = Set.of("P", "DIV", "LI", "UL", "OL", "DL", "DT", "DD", "H1", "H2",
            "H3", "H4", "H5", "H6", "BR", "TR", "TD", "TH", "TABLE", "SECTION", "ARTICLE", "HEADER", "FOOTER", "NAV",
            "ASIDE", "MAIN", "PRE", "BLOCKQUOTE", "FORM", "FIELDSET", "FIGURE", "FIGCAPTION", "HR", "BODY", "BUTTON",
            "OPTION", "IFRAME");

    private final List<Start> starts;

    private FindMatches(List<Start> starts) {
        this.starts = List.copyOf(starts);
    }

    /** The matches of {@code query} in {@code document} and its frames' documents; none for an empty query. */
    static FindMatches of(Document document, String query) {
        Objects.requireNonNull(query, "query");
        List<Start> found = new ArrayList<>();
        if (document != null && !query.isEmpty()) {
            for (Document each : documents(document)) {
                Text text = new Text();
                text.add(each.getDocumentElement());
                text.find(query, found);
            }
        }
        return new FindMatches(found);
    }

    int count() {
        return starts.size();
    }

    /** {@code main} and its frames' documents, depth first: the order WebKit's find goes through them. */
    static List<Document> documents(Document main) {
        List<Document> all = new ArrayList<>();
        collectDocuments(main, all);
        return all;
    }

    private static void collectDocuments(Document document, List<Document> into) {
        into.add(document);
        collectFrames(document.getDocumentElement(), into);
    }

    private static void collectFrames(Node node, List<Document> into) {
        for (Node child = node == null ? null : node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Document inner = null;
            if (child instanceof HTMLIFrameElement frame) {
                inner = frame.getContentDocument();
            } else if (child instanceof HTMLFrameElement frame) {
                inner = frame.getContentDocument();
            }
            if (inner != null) {
                collectDocuments(inner, into);
            } else {
                collectFrames(child, into);
            }
        }
    }

    /** One document's visible text, with where each character came from. */
    private static final class Text {
        private final StringBuilder chars = new StringBuilder();
        private final List<Node> nodes = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();

        void add(Node node) {
            if (node == null) {
                return;
            }
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                String data = node.getNodeValue();
                for (int i = 0; i < data.length(); i++) {
                    char c = data.charAt(i);
                    if (!Character.isWhitespace(c)) {
                        append(c, node, i);
                    } else if (chars.length() > 0 && chars.charAt(chars.length() - 1) != ' '
                            && chars.charAt(chars.length() - 1) != '\n') {
                        append(' ', node, i); // runs of white space render as one space
                    }
                }
                return;
            }
            if (node instanceof Element element) {
                String tag = element.getTagName().toUpperCase(Locale.ROOT);
                if (SKIPPED.contains(tag) || element.hasAttribute("hidden")) {
                    return;
                }
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    append('\n', null, 0);
                }
                if (!tag.equals("IFRAME") && !tag.equals("FRAME")) {
                    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                        add(child);
                    }
                }
                if (block) {
                    append('\n', null, 0);
                }
            }
        }

        private void append(char c, Node node, int offset) {
            chars.append(c);
            nodes.add(node);
            offsets.add(offset);
        }

        void find(String query, List<Start> into) {
            String q = query.replaceAll("\\s+", " ");
            String all = chars.toString();
            for (int at = 0; !q.isEmpty() && at + q.length() <= all.length(); at++) {
                if (all.regionMatches(true, at, q, 0, q.length()) && nodes.get(at) != null) {
                    into.add(new Start(nodes.get(at), offsets.get(at)));
                    at += q.length() - 1;
                }
            }
        }
    }
}
