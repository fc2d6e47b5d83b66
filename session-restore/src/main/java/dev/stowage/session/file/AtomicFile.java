package dev.stowage.session.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * One file written the way Firefox writes its session: never in place. The new content goes to
 * {@code NAME.tmp}, which is forced to the disk; the current {@code NAME} becomes the backup
 * {@code NAME.bak}; the temp file is renamed to {@code NAME}; and the folder is forced too, so that the
 * renames themselves survive a power cut. At every moment at least one complete version is on the disk,
 * and a reader that tries {@link #readOrder()} in order finds the newest complete one: a crash between
 * the two renames leaves no {@code NAME} but a good {@code NAME.bak}; a crash while writing leaves only a
 * stray {@code NAME.tmp}, which nothing reads and the next write replaces.
 *
 * <p><b>Errors.</b> A failed write (a full disk, a folder that vanished) throws {@link IOException} and
 * leaves {@code NAME} and {@code NAME.bak} as they were. <b>Threading.</b> Not thread-safe: one writer
 * (the saver's thread) at a time. Blocking I/O: never call it on the FX thread.
 */
public final class AtomicFile {
    private static final int BUFFER_BYTES = 64 * 1024;
    private final Path file;
    private final Path backup;
    private final Path temp;
    private final boolean keepsBackup;

    public AtomicFile(Path file) {
        this(file, true);
    }

    private AtomicFile(Path file, boolean keepsBackup) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.backup = this.file.resolveSibling(this.file.getFileName() + ".bak");
        this.temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
        this.keepsBackup = keepsBackup;
    }

    /**
     * A file written the same way but with no backup: a write replaces the content in one rename, so a
     * reader finds the old content or the new one, whole. For a file that is itself a copy kept aside.
     */
    public static AtomicFile withoutBackup(Path file) {
        return new AtomicFile(file, false);
    }

    /** The file itself. */
    public Path path() {
        return file;
    }

    /** The previous complete version. */
    public Path backupPath() {
        return backup;
    }

    /** Where a reader looks, newest first: the file, then its backup (if it keeps one). */
    public List<Path> readOrder() {
        return keepsBackup ? List.of(file, backup) : List.of(file);
    }

    /** What a write puts in the file, written straight to it (no copy of the whole content in memory). */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code out}; it need not flush or close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces the file's content with {@code data}, keeping the previous content as the backup. */
    public void write(byte[] data) throws IOException {
        Objects.requireNonNull(data, "data");
        write(out -> out.write(data));
    }

    /**
     * Replaces the file's content with what {@code content} writes, keeping the previous content as the
     * backup. If {@code content} throws, the file and its backup stay as they were.
     */
    public void write(Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path folder = file.getParent();
        Files.createDirectories(folder);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (keepsBackup && Files.exists(file)) {
            move(file, backup);
        }
        move(temp, file);
        forceFolder(folder);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            // rename(2): atomic, and it replaces an existing target.
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the folder's entries (the renames) to the disk, where the platform can open a folder. */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; its renames are durable once they return.
        }
    }
}
