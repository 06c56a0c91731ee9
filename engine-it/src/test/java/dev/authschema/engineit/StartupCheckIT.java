package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engineit.app.EngineItAuthConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wiring the engine checks at deployment, in the real server: the four copies of the WAR that are wired wrong
 * ({@code /nounit} without a persistence unit, {@code /notables} on a database without tables and synchronisation
 * off, {@code /badmail} with a malformed {@code AUTH_EMAIL_SERVER}, {@code /nomail} in production with e-mail sign-in
 * and no mail server) fail their deployment with a message naming the
 * fix (and never the mail server's password), and answer nothing; the copies that are wired right use
 * the generated unit, its UTC platform for the database it found, and logged what synchronisation did.
 */
@ExtendWith(ItServers.class)
class StartupCheckIT {

    /** Liberty's message for an application whose start failed, up to its name. */
    private static final String NOT_STARTED = "CWWKZ0012I: The application ";

    /** Liberty's message for an application whose start threw (a CDI deployment problem), up to its name. */
    private static final String START_FAILED = "CWWKZ0002E: An exception occurred while starting the application ";

    /**
     * Liberty's message for the exception that failed it, up to the exception: the start-up check's
     * DeploymentCheckException, or the generated producer's, which finds no persistence unit first.
     */
    private static final String FAILURE = "SRVE0283E: Exception caught while initializing context: ";

    private static final Duration FAILED_DEPLOYMENT_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void a_war_without_a_persistence_unit_fails_its_deployment_naming_the_fix() throws Exception {
        // The runtime's PersistenceUnitValidation makes the adapter while CDI validates the deployment, so the
        // generated producer's check fails the application's start itself, with the message, at once.
        String failed = awaitInLog(START_FAILED + "engine-it-nounit.");

        assertThat(failed)
                .contains("DeploymentException: AuthSchema: no persistence unit for the generated AuthAdapter")
                .contains("run the authschema-maven-plugin's generate goal")
                .contains("must list the generated entities dev.authschema.engineit.auth.User");
        assertThat(status("/nounit/api/auth/providers")).isEqualTo(404);
    }

    @Test
    void a_database_without_tables_fails_the_deployment_when_synchronisation_is_off() throws Exception {
        awaitInLog(NOT_STARTED + "engine-it-notables was not started.");

        assertThat(failureLines())
                .anySatisfy(line -> assertThat(line)
                        .contains("AuthSchema: the database lacks the tables users, accounts, sessions")
                        .contains("schema synchronisation is off")
                        .contains("AUTH_DATABASE_SYNCHRONIZE=true"));
        assertThat(status("/notables/api/auth/providers")).isEqualTo(404);
    }

    @Test
    void a_malformed_email_server_url_fails_the_deployment_naming_the_variable_and_never_the_password()
            throws Exception {
        awaitInLog(NOT_STARTED + "engine-it-badmail was not started.");

        String log = serverLog();
        assertThat(log)
                .contains("AuthSchema configuration is invalid:")
                .contains("emailServer: AUTH_EMAIL_SERVER: the port after the host must be 1 to 65535")
                .contains("as in smtp://user:password@smtp.example.com:587")
                .doesNotContain(EngineItAuthConfig.BAD_MAIL_SERVER_PASSWORD);
        assertThat(failureLines())
                .anySatisfy(line ->
                        assertThat(line).contains("AuthConfigurationException: AuthSchema configuration is invalid"));
        assertThat(status("/badmail/api/auth/providers")).isEqualTo(404);
    }

    @Test
    void a_production_app_with_e_mail_sign_in_and_no_mail_server_fails_the_deployment_naming_both_fixes()
            throws Exception {
        awaitInLog(NOT_STARTED + "engine-it-nomail was not started.");

        assertThat(failureLines())
                .anySatisfy(line -> assertThat(line)
                        .contains("AuthSchema: the e-mail provider 'email' has no mail server")
                        .contains("Fix: set AUTH_EMAIL_SERVER=smtp://user:password@smtp.example.com:587")
                        .contains("or define the mail session"));
        assertThat(status("/nomail/api/auth/providers")).isEqualTo(404);
        assertThat(status("/nomail/api/auth/signin")).isEqualTo(404);
    }

    @Test
    void the_generated_unit_uses_the_utc_platform_of_the_database_it_finds() throws Exception {
        String log = serverLog();

        assertThat(log)
                .contains("AuthSchema: the persistence unit is on derby, with timestamps in UTC"
                        + " (dev.authschema.jpa.eclipselink.UtcDerbyPlatform)");
        assertThat(log).doesNotContain("cannot be loaded");
    }

    @Test
    void schema_synchronisation_reports_what_it_did_in_the_log() throws Exception {
        assertThat(serverLog()).contains("AuthSchema schema synchronisation: ");
    }

    @Test
    void only_the_four_copies_wired_wrong_fail_their_deployment() throws Exception {
        awaitInLog(NOT_STARTED + "engine-it-notables was not started.");
        awaitInLog(NOT_STARTED + "engine-it-badmail was not started.");
        awaitInLog(NOT_STARTED + "engine-it-nomail was not started.");

        assertThat(serverLog())
                .doesNotContain(
                        NOT_STARTED + "engine-it-db ",
                        NOT_STARTED + "engine-it-jwt ",
                        NOT_STARTED + "engine-it-dev ",
                        NOT_STARTED + "engine-it-devmail ",
                        NOT_STARTED + "engine-it-proxy ",
                        NOT_STARTED + "engine-it-rotating ",
                        NOT_STARTED + "engine-it-rotated ");
    }

    /** The lines with which Liberty reported a failed start-up check. */
    private static List<String> failureLines() throws IOException {
        return serverLog().lines().filter(line -> line.contains(FAILURE)).toList();
    }

    /** The line of the log that contains {@code text}, once the server has written it. */
    private static String awaitInLog(String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(FAILED_DEPLOYMENT_TIMEOUT);
        while (true) {
            for (String line : serverLog().split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No line with '" + text + "' in the server log within "
                        + FAILED_DEPLOYMENT_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static String serverLog() throws IOException {
        return Files.readString(
                Path.of(System.getProperty("engineit.serverLogs"), "messages.log"), StandardCharsets.ISO_8859_1);
    }

    private static int status(String path) throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ItServers.serverUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
