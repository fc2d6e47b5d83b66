package dev.stowage.app.tabs;

import dev.stowage.app.testing.TestServer;

/**
 * The pages of the new-tab tests: an opener whose first script writes {@code from=opener} and that opens
 * {@code /seen} every way a page can, and {@code /seen}, whose first inline script puts what it found in
 * its title: {@code seen from=<sessionStorage from> opener=<set|null>}.
 */
final class NewTabPages {
    static final String OPENER = "<!doctype html><html><head><title>opener</title>"
            + "<script>sessionStorage.setItem('from', 'opener');</script>"
            + "<style>a, button, img { display: block; height: 24px; margin: 2px; font: 14px sans-serif; }</style>"
            + "</head><body>"
            + "<a id='blank' target='_blank' href='/seen?blank'>blank</a>"
            + "<a id='named' target='tabx' href='/seen?named'>named</a>"
            + "<a id='noopener' target='_blank' rel='noopener' href='/seen?noopener'>noopener</a>"
            + "<a id='noreferrer' target='_blank' rel='noreferrer' href='/seen?noreferrer'>noreferrer</a>"
            + "<a id='relopener' target='_blank' rel='opener' href='/seen?relopener'>rel opener</a>"
            + "<a id='plain' href='/seen?plain'>plain link</a>"
            + "<img id='mapimg' width='120' height='24' usemap='#m' alt='map'"
            + " src='data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='>"
            + "<map name='m'><area shape='rect' coords='0,0,120,24' href='/seen?area' target='_blank'></map>"
            + "<form action='/seen' target='_blank'><input type='hidden' name='form' value='1'>"
            + "<button id='submit'>submit</button></form>"
            + "<button id='open' onclick=\"window.__ret = window.open('/seen?open')\">open</button>"
            + "<button id='opennamed' onclick=\"window.__ret = window.open('/seen?opennamed', 'tabx')\">open named</button>"
            + "<button id='opennoopener' onclick=\"window.__ret = window.open('/seen?opennoopener', '_blank', 'noopener')\">"
            + "open noopener</button>"
            + "<button id='opennoreferrer' onclick=\"window.__ret = window.open('/seen?opennoreferrer', '_blank',"
            + " 'width=300, noreferrer')\">open noreferrer</button>"
            + "</body></html>";

    static final String SEEN = "<!doctype html><html><head><script>"
            + "document.title = 'seen from=' + sessionStorage.getItem('from') + ' opener=' + (window.opener ? 'set' : 'null');"
            + "</script></head><body>seen</body></html>";

    private NewTabPages() {
    }

    static void serve(TestServer server) {
        server.page("/opener", OPENER);
        server.page("/seen", SEEN);
    }
}
