package dev.authschema.demo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The test server's log ({@code demo.server.log}): what it wrote since a mark. */
public final class ServerLog {

    private final Path file;
    private final long start;

    private ServerLog(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    /**
     * @return a mark at the log's current end
     */
    public static ServerLog mark() {
        String path = System.getProperty("demo.server.log");
        if (path == null) {
            throw new AssertionError("demo.server.log is not set: run the tests through Maven (demo-war's failsafe)");
        }
        Path file = Path.of(path);
        try {
            return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    /**
     * @return what the server logged since the mark
     */
    public String since() {
        try {
            byte[] all = Files.readAllBytes(file);
            return new String(all, (int) Math.min(start, all.length), (int) Math.max(0, all.length - start),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    /**
     * Waits (up to 10 s: the server may buffer) until the log since the mark has this many lines containing a text.
     *
     * @param text  a fragment of a log message
     * @param count how many lines to expect
     * @return those lines
     */
    public List<String> awaitLines(String text, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<String> lines;
        do {
            lines = Arrays.stream(since().split("\\R")).filter(line -> line.contains(text)).toList();
            if (lines.size() >= count) {
                return lines;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (Instant.now().isBefore(deadline));
        return lines;
    }
}
