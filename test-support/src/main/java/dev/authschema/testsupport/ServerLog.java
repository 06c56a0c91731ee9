package dev.authschema.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a server under test wrote to its log file since a mark: to prove that a refused request left exactly one line
 * and no stack trace, or that some message was logged.
 */
public final class ServerLog {

    /** A stack trace's lines, or an exception's class name, in a log. */
    private static final Pattern STACK_TRACE =
            Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Caused by:|" + "\\b[\\w.$]+(Exception|Error)\\b");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path file;
    private final Charset charset;
    private final long start;

    private ServerLog(Path file, Charset charset, long start) {
        this.file = file;
        this.charset = charset;
        this.start = start;
    }

    /**
     * @param file    the log file, or {@code null} when the tests run without the server of the Maven build (from an
     *                IDE against a server started by hand): then the log reads as empty and checks pass
     * @param charset how the server writes the file
     * @return a mark at the log's current end
     */
    public static ServerLog mark(Path file, Charset charset) {
        try {
            return new ServerLog(file, charset, file == null || !Files.exists(file) ? 0 : Files.size(file));
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    /**
     * @return what the server logged since the mark
     */
    public String since() {
        if (file == null) {
            return "";
        }
        try {
            byte[] all = Files.readAllBytes(file);
            return new String(all, (int) Math.min(start, all.length), (int) Math.max(0, all.length - start), charset);
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
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<String> lines;
        do {
            lines = Arrays.stream(since().split("\\R"))
                    .filter(line -> line.contains(text))
                    .toList();
            if (lines.size() >= count) {
                return lines;
            }
            Waits.sleep(Duration.ofMillis(200));
        } while (Instant.now().isBefore(deadline));
        return lines;
    }

    /**
     * Waits until the log has the line, then checks it is there once and that nothing since the mark is a stack trace.
     *
     * @param text the refusal's log text
     */
    public void loggedOnceWithoutStackTrace(String text) {
        if (file == null) {
            return;
        }
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!since().contains(text) && Instant.now().isBefore(deadline)) {
            Waits.sleep(Duration.ofMillis(200));
        }
        String logged = since();
        assertThat(logged).as("log since the request").contains(text);
        assertThat(logged.split(Pattern.quote(text), -1).length - 1)
                .as("times logged: %s", text)
                .isEqualTo(1);
        assertThat(STACK_TRACE.matcher(logged).find())
                .as("stack trace in the log:%n%s", logged)
                .isFalse();
    }
}
