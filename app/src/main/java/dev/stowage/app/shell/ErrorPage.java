package dev.stowage.app.shell;

/** The HTML a tab shows when a load fails. Pure function; thread-safe. */
final class ErrorPage {
    private ErrorPage() {
    }

    static String html(String url, String reason) {
        String u = escape(url);
        String r = escape(reason);
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Cannot open page</title><style>"
                + "body{font-family:sans-serif;margin:4em auto;max-width:40em;color:#333}"
                + "h1{font-size:1.4em}code{word-break:break-all;background:#f3f3f3;padding:2px 4px}"
                + "</style></head><body><h1>Stowage cannot open this page</h1>"
                + "<p id='url'><code>" + u + "</code></p>"
                + "<p id='reason'>" + r + "</p>"
                + "<p>Check the address, or reload the tab to try again.</p></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
