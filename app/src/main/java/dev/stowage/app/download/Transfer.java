package dev.stowage.app.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One download's transfer, on its own thread: asks the server, reserves a free name (its {@code .part}
 * file is created exclusively, so two downloads of one name never share a file), streams the body into
 * it, syncs it and renames it to the final name without replacing anything. Any failure or a cancel
 * deletes the {@code .part} file.
 */
final class Transfer implements Runnable {
    private static final int BUFFER = 64 * 1024;
    private static final java.time.Duration HEADERS_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final HttpClient client;
    private final String url;
    private final Optional<String> referer;
    private final String userAgent;
    private final Path directory;
    private final Executor fx;
    private final Consumer<Download> started;
    private final java.util.Set<Download> inProgress;

    Transfer(HttpClient client, String url, Optional<String> referer, String userAgent, Path directory, Executor fx,
             Consumer<Download> started, java.util.Set<Download> inProgress) {
        this.userAgent = userAgent;
        this.inProgress = inProgress;
        this.client = client;
        this.url = url;
        this.referer = referer;
        this.directory = directory;
        this.fx = fx;
        this.started = started;
    }

    @Override
    public void run() {
        HttpResponse<InputStream> response;
        try {
            // The timeout is for the answer's headers only: a download may then take as long as it takes.
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(HEADERS_TIMEOUT);
            referer.ifPresent(r -> request.header("Referer", r));
            if (!userAgent.isEmpty()) {
                request.header("User-Agent", userAgent); // the page's browser, as servers saw it ask
            }
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            failBeforeStart("could not reach the server: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        if (status == 204 || status == 205) {
            close(response.body()); // "nothing to show": no download, as in browsers
            return;
        }
        String name = FileNames.forResponse(response.uri().toString(),
                response.headers().firstValue("Content-Disposition"));
        try {
            directory.resolve(name); // a name this platform's file system cannot take falls back
        } catch (java.nio.file.InvalidPathException e) {
            name = "download";
        }
        if (status < 200 || status > 299) {
            close(response.body());
            failBeforeStart(name, "the server answered " + status);
            return;
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path part;
        try {
            Files.createDirectories(directory);
            part = reserve(name);
        } catch (IOException e) {
            close(response.body());
            failBeforeStart(name, "could not create the file: " + e.getMessage());
            return;
        }
        Path target = directory.resolve(part.getFileName().toString().replaceFirst("\\.part$", ""));
        Download download = new Download(url, target, total);
        download.onCancel(() -> close(response.body()));
        inProgress.add(download);
        fx.execute(() -> started.accept(download));
        try {
            receive(download, response.body(), part, target, total);
        } finally {
            inProgress.remove(download);
        }
    }

    private void receive(Download download, InputStream body, Path part, Path target, long total) {
        long written = 0;
        try (InputStream in = body; FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            Progress progress = new Progress(download, fx);
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (Thread.currentThread().isInterrupted()) {
                    download.cancel(); // the app is quitting
                }
                if (download.cancelRequested()) {
                    break;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                written += n;
                progress.report(written);
            }
            if (download.cancelRequested()) {
                end(download, part, Download.State.CANCELLED, null, written, "");
                return;
            }
            if (total >= 0 && written != total) {
                throw new IOException("the connection closed after " + written + " of " + total + " bytes");
            }
            out.force(true);
        } catch (IOException e) {
            end(download, part, download.cancelRequested() ? Download.State.CANCELLED : Download.State.FAILED,
                    null, written, download.cancelRequested() ? "" : e.getMessage());
            return;
        }
        try {
            Path saved = moveWithoutReplacing(part, target);
            long bytes = written;
            fx.execute(() -> download.ended(Download.State.COMPLETED, saved, bytes, ""));
        } catch (IOException e) {
            end(download, part, Download.State.FAILED, null, written, "could not name the file: " + e.getMessage());
        }
    }

    /** The {@code .part} file of the first free name: neither the name nor its {@code .part} exists. */
    private Path reserve(String name) throws IOException {
        for (int n = 0; ; n++) {
            String candidate = n == 0 ? name : FileNames.numbered(name, n);
            if (Files.exists(directory.resolve(candidate))) {
                continue;
            }
            try {
                return Files.createFile(directory.resolve(candidate + ".part"));
            } catch (FileAlreadyExistsException taken) {
                // another download of the same name holds it
            }
        }
    }

    /**
     * Renames to {@code target}, or to its next free number if a file took that name meanwhile. A rename
     * replaces silently on POSIX, so the name is taken with a hard link, which fails if the name exists.
     */
    private static Path moveWithoutReplacing(Path part, Path target) throws IOException {
        String name = target.getFileName().toString();
        for (int n = 0; ; n++) {
            Path candidate = n == 0 ? target : target.resolveSibling(FileNames.numbered(name, n));
            try {
                Files.createLink(candidate, part);
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (UnsupportedOperationException | IOException noLinks) {
                // A file system without hard links: check, then move (a race only with another program).
                if (!Files.exists(candidate)) {
                    return Files.move(part, candidate);
                }
                continue;
            }
            try {
                Files.delete(part);
            } catch (IOException e) {
                System.getLogger(Transfer.class.getName()).log(System.Logger.Level.WARNING,
                        "the complete file is " + candidate + "; could not delete " + part, e);
            }
            return candidate;
        }
    }

    private void end(Download download, Path part, Download.State outcome, Path file, long written, String why) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            System.getLogger(Transfer.class.getName()).log(System.Logger.Level.ERROR, "could not delete " + part, e);
        }
        fx.execute(() -> download.ended(outcome, file, written, why));
    }

    private void failBeforeStart(String why) {
        failBeforeStart(FileNames.forResponse(url, Optional.empty()), why);
    }

    private void failBeforeStart(String name, String why) {
        Download download = new Download(url, directory.resolve(name), -1);
        fx.execute(() -> {
            started.accept(download);
            download.ended(Download.State.FAILED, null, 0, why);
        });
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // closing to stop: nothing more to do
        }
    }
}
