package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What the Liberty server logged since a point in the run ({@code messages.log}), to prove that a refused request
 * left exactly one line and no stack trace.
 */
final class ServerLog {

    /** A stack trace's lines, or an exception's class name, in a log. */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Caused by:|"
            + "\\b[\\w.$]+(Exception|Error)\\b");

    private final long start;

    private ServerLog(long start) {
        this.start = start;
    }

    /**
     * @return a mark at the log's current end; empty text when the tests run without the Maven build's server
     */
    static ServerLog mark() {
        Path file = file();
        try {
            return new ServerLog(file == null || !Files.exists(file) ? 0 : Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return what was logged since the mark
     */
    String since() {
        Path file = file();
        if (file == null) {
            return "";
        }
        try {
            byte[] all = Files.readAllBytes(file);
            return new String(all, (int) Math.min(start, all.length), (int) Math.max(0, all.length - start),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the log has the line, then checks it is there once and that nothing since the mark is a stack trace.
     *
     * @param text the refusal's log text
     */
    void loggedOnceWithoutStackTrace(String text) {
        if (file() == null) {
            return;
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (!since().contains(text) && Instant.now().isBefore(deadline)) {
            TestMailbox.sleep(200);
        }
        String logged = since();
        assertThat(logged).as("log since the request").contains(text);
        assertThat(logged.split(Pattern.quote(text), -1).length - 1).as("times logged: %s", text).isEqualTo(1);
        assertThat(STACK_TRACE.matcher(logged).find()).as("stack trace in the log:%n%s", logged).isFalse();
    }

    private static Path file() {
        String logs = System.getProperty("engineit.serverLogs");
        return logs == null ? null : Path.of(logs, "messages.log");
    }
}
