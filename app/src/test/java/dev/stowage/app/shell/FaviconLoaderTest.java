package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.stowage.app.testing.ShellTestBase;
import org.junit.jupiter.api.Test;

/** Decoding runs on the loader's thread; Image needs the toolkit, which the base class starts. */
class FaviconLoaderTest extends ShellTestBase {
    @Test
    void decodesPngAndPngInsideIco() {
        assertEquals(0x123456, Pngs.rgbAt(FaviconLoader.decode(Pngs.solid(32, 32, 0x123456))));
        var fromIco = FaviconLoader.decode(Pngs.ico(Pngs.solid(16, 16, 0x654321)));
        assertNotNull(fromIco);
        assertEquals(0x654321, Pngs.rgbAt(fromIco));
    }

    @Test
    void garbageIsNoIcon() {
        assertNull(FaviconLoader.decode("<html>not an icon</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertNull(FaviconLoader.decode(new byte[] {0, 0, 1, 0, 1, 0}));
    }
}
