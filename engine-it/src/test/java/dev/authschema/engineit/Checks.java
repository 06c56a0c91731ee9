package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** Assertions every refused request must pass, and small helpers the tests share. */
public final class Checks {

    /** Lines of a Java stack trace, or an exception class name, in a response body. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s*at [\\w$.]+\\(|Caused by:|\\b(java|jakarta|dev\\.authschema|com\\.nimbusds|org\\.eclipse)\\.[\\w.$]*"
                    + "(Exception|Error)\\b");

    private Checks() {}

    /**
     * The request was answered without a server error and the body gives away no internals.
     *
     * @param response the response
     */
    public static void clean(Browser.Response response) {
        assertThat(response.status()).as("status of %s", response).isLessThan(500);
        assertThat(STACK_TRACE.matcher(response.body()).find())
                .as("stack trace in %s", response)
                .isFalse();
    }

    /**
     * The engine refused the request by redirecting to its error page with a code.
     *
     * @param response the response
     * @param code     the expected {@code ?error=} code
     */
    public static void refusedWith(Browser.Response response, String code) {
        clean(response);
        assertThat(response.status()).as("status of %s", response).isEqualTo(302);
        assertThat(response.location())
                .as("redirect of %s", response)
                .contains("error=" + code)
                .startsWith(ItServers.serverUrl());
    }

    /**
     * The server's log has a line with this text (the engine runs with {@code debug} on and logs why it refused a
     * request), so a test can tell that the check it aims at refused the request and not an earlier one.
     *
     * @param text a fragment of a log message
     */
    public static void serverLogged(String text) {
        String logs = System.getProperty("engineit.serverLogs");
        if (logs == null) {
            return; // run from an IDE against a server started by hand
        }
        java.nio.file.Path messages = java.nio.file.Path.of(logs, "messages.log");
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                if (java.nio.file.Files.readString(messages, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(text)) {
                    return;
                }
            } catch (java.io.IOException e) {
                throw new AssertionError("cannot read " + messages, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the server never logged: " + text);
            }
            Waits.sleep(Duration.ofMillis(200));
        }
    }

    /**
     * @param who a readable prefix
     * @return an e-mail address no earlier run used (the test database outlives a run)
     */
    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@engine-it.test";
    }

    /**
     * @param actual   an instant
     * @param expected the expected one
     * @param slack    how far apart they may be (request time on a busy machine)
     */
    public static void near(Instant actual, Instant expected, Duration slack) {
        assertThat(Duration.between(expected, actual).abs())
                .as("%s near %s", actual, expected)
                .isLessThanOrEqualTo(slack);
    }

    /**
     * Moves a deployment's engine clock forward.
     *
     * @param context {@link ItServers#DB} or {@link ItServers#JWT}
     * @param by      how far
     * @return the engine's new current time
     */
    public static Instant advanceClock(String context, Duration by) {
        Browser.Response response =
                new Browser(context).post("/test/clock", java.util.Map.of("advance", by.toString()));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return Instant.parse(response.json().getString("now"));
    }

    /**
     * @param context a deployment
     * @return its engine's current time
     */
    public static Instant clock(String context) {
        return Instant.parse(new Browser(context).get("/test/clock").json().getString("now"));
    }
}
