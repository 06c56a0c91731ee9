package dev.authschema.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerDataSourceSettingsTest {

    @Test
    void postgres_becomes_driver_url_and_credentials() {
        Output output = run("postgres://auth:s3cret@127.0.0.1:5432/test?synchronize=true");

        assertThat(output.status).isZero();
        assertThat(output.err).isEmpty();
        assertThat(output.out).isEqualTo("""
                AUTHSCHEMA_DB_KIND='postgresql'
                AUTHSCHEMA_JDBC_DRIVER='org.postgresql.Driver'
                AUTHSCHEMA_JDBC_URL='jdbc:postgresql://127.0.0.1:5432/test'
                AUTHSCHEMA_DB_USER='auth'
                AUTHSCHEMA_DB_PASSWORD='s3cret'
                """);
    }

    @Test
    void driver_properties_join_the_url_in_each_drivers_syntax() {
        assertThat(ServerDataSourceSettings.urlWithProperties(
                        DatabaseUrl.parse("postgres://h/db?sslmode=verify-full&connectTimeout=5")))
                .isEqualTo("jdbc:postgresql://h:5432/db?sslmode=verify-full&connectTimeout=5");
        assertThat(ServerDataSourceSettings.urlWithProperties(DatabaseUrl.parse("mariadb://h/db?connectTimeout=5000")))
                .isEqualTo("jdbc:mariadb://h:3306/db?connectTimeout=5000");
    }

    @Test
    void derby_gets_its_default_schema_user() {
        assertThat(ServerDataSourceSettings.variables(DatabaseUrl.parse("derby:authschema-demo")))
                .containsEntry("AUTHSCHEMA_JDBC_URL", "jdbc:derby:authschema-demo;create=true")
                .containsEntry("AUTHSCHEMA_DB_USER", "APP")
                .containsEntry("AUTHSCHEMA_JDBC_DRIVER", "org.apache.derby.jdbc.EmbeddedDriver");
    }

    @Test
    void malformed_string_names_the_variable_and_hides_the_password() {
        Output output = run("postgres://auth:hunter2@127.0.0.1:notaport/test");

        assertThat(output.status).isEqualTo(2);
        assertThat(output.out).isEmpty();
        assertThat(output.err).startsWith("DATABASE_URL: ").contains("port").doesNotContain("hunter2");
    }

    @Test
    void unset_variable_is_an_error() {
        Output output = run(null);

        assertThat(output.status).isEqualTo(2);
        assertThat(output.err).contains("DATABASE_URL is not set");
    }

    @Test
    void printed_lines_survive_a_shell_eval_whatever_the_password_holds() throws IOException, InterruptedException {
        String password = "it's $HOME `id` \"quoted\" \\ ;&|";
        Output output = run("postgres://auth:"
                + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@127.0.0.1/test");

        assertThat(output.status).isZero();
        // The lines travel in the environment, as a launch script's $(...) hands them to eval.
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", "-c", "eval \"$SETTINGS\"; printf %s \"$AUTHSCHEMA_DB_PASSWORD\"")
                .redirectErrorStream(true);
        builder.environment().put("SETTINGS", output.out);
        Process eval = builder.start();
        assertThat(eval.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(eval.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(password);
    }

    private static Output run(String connectionString) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ServerDataSourceSettings.run(
                connectionString,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(int status, String out, String err) {}
}
