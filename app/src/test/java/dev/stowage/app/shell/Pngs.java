package dev.stowage.app.shell;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javafx.scene.image.Image;

/** Tiny PNG writer and reader for favicon tests (no AWT, so it runs headless). */
final class Pngs {
    private Pngs() {
    }

    static byte[] solid(int width, int height, int rgb) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0);
            for (int x = 0; x < width; x++) {
                raw.write(rgb >> 16 & 0xff);
                raw.write(rgb >> 8 & 0xff);
                raw.write(rgb & 0xff);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        byte[] buf = new byte[65536];
        int n = deflater.deflate(buf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** An .ico file holding one PNG entry. */
    static byte[] ico(byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 16).put((byte) 16).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                .putInt(png.length).putInt(22);
        b.put(png);
        return b.array();
    }

    static int rgbAt(Image image) {
        return image.getPixelReader().getArgb(8, 8) & 0xffffff;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
