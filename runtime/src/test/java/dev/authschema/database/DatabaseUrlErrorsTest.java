package dev.authschema.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authschema.contract.Suggestions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed form gets a message that names the wrong part, and no message ever holds the password. */
class DatabaseUrlErrorsTest {

    /** Each template's {@code PW} is replaced by each of {@link #PASSWORDS}; the message must contain the expected text. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "postgress://u:PW@127.0.0.1:5432/db",
                        "Unknown database scheme 'postgress'",
                        "Did you mean 'postgres'?"),
                Arguments.of(
                        "postgresq://u:PW@127.0.0.1:5432/db",
                        "Unknown database scheme 'postgresq'",
                        "Did you mean 'postgres"),
                Arguments.of(
                        "mysq://u:PW@127.0.0.1:3306/db", "Unknown database scheme 'mysq'", "Did you mean 'mysql'?"),
                Arguments.of(
                        "maria://u:PW@127.0.0.1:3306/db",
                        "Unknown database scheme 'maria'",
                        "Supported: postgres, postgresql, mysql, mariadb, derby, sqlite"),
                Arguments.of("mongodb://u:PW@127.0.0.1:27017/db", "Unknown database scheme 'mongodb'", "Supported:"),
                Arguments.of("jdbc:postgresql://u:PW@127.0.0.1:5432/db", "is a JDBC URL", "without 'jdbc:'"),
                Arguments.of("127.0.0.1:5432/db", "does not start with a scheme", "postgres://"),
                Arguments.of("//u:PW@127.0.0.1:5432/db", "does not start with a scheme", "postgres://"),
                Arguments.of(
                        "postgres:u:PW@127.0.0.1:5432/db", "needs '//' after 'postgres:'", "postgres://user:password@"),
                Arguments.of("postgres://u:PW@/db", "has no host", "postgres://user:password@127.0.0.1:5432/database"),
                Arguments.of("postgres://u:PW@:5432/db", "has no host", ""),
                Arguments.of("postgres://u:PW@ho st:5432/db", "host 'ho st'", "not a host name"),
                Arguments.of("postgres://u:PW@::1:5432/db", "more than one ':'", "[::1]:5432"),
                Arguments.of("postgres://u:PW@[zz]:5432/db", "IPv6", "[::1]:5432"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:54x2/db",
                        "port after host '127.0.0.1'",
                        "not a number from 1 to 65535"),
                Arguments.of("postgres://u:PW@127.0.0.1:0/db", "port '0'", "from 1 to 65535"),
                Arguments.of("postgres://u:PW@127.0.0.1:65536/db", "port '65536'", "from 1 to 65535"),
                Arguments.of("postgres://u:PW@127.0.0.1:/db", "':' after host '127.0.0.1' but no port", "5432"),
                Arguments.of("mysql://u:PW@127.0.0.1:/db", "no port", "3306"),
                Arguments.of("postgres://u:PW@127.0.0.1:5432", "no database name", "/<database>"),
                Arguments.of("postgres://u:PW@127.0.0.1:5432/", "no database name", ""),
                Arguments.of("postgres://u:PW@127.0.0.1:5432?synchronize=true", "no database name", ""),
                Arguments.of("postgres://u:PW@127.0.0.1:5432/db/more", "database name 'db/more'", "only letters"),
                Arguments.of("postgres://u:PW@127.0.0.1:5432/db%2", "database name", "two hex digits"),
                Arguments.of("postgres://u:PW@127.0.0.1:5432/db#frag", "'#' after the host", "%23"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?synchronise=true",
                        "Unknown option 'synchronise'",
                        "did you mean 'synchronize'?"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?entityprefix=x_",
                        "Unknown option 'entityprefix'",
                        "did you mean 'entityPrefix'?"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?sslmod=require",
                        "Unknown option 'sslmod'",
                        "did you mean 'sslmode'?"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?colour=red",
                        "Unknown option 'colour'",
                        "Known options: synchronize, entityPrefix, ssl"),
                Arguments.of(
                        "mariadb://u:PW@127.0.0.1:3306/db?sslmode=require",
                        "Unknown option 'sslmode'",
                        "did you mean 'sslMode'?"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?password=x",
                        "Option 'password' is not accepted",
                        "user:password@host"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?create=true", "Unknown option 'create'", "for postgresql"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?synchronize=yes",
                        "'synchronize'",
                        "must be true or false, not 'yes'"),
                Arguments.of("postgres://u:PW@127.0.0.1:5432/db?ssl=maybe", "'ssl'", "must be true or false"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?synchronize=true&synchronize=false",
                        "option 'synchronize' more than once",
                        ""),
                Arguments.of("postgres://u:PW@127.0.0.1:5432/db?ssl=true&sslmode=require", "sets 'sslmode' twice", ""),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?entityPrefix=next-auth",
                        "'entityPrefix'",
                        "not 'next-auth'"),
                Arguments.of(
                        "postgres://u:PW@127.0.0.1:5432/db?entityPrefix=1x",
                        "'entityPrefix'",
                        "starting with a letter"),
                Arguments.of("postgres://u:PW@127.0.0.1:5432/db?x%zz=1", "option name", "two hex digits"),
                Arguments.of("postgres://:PW@127.0.0.1:5432/db", "password but no user name", "user:password@host"));
    }

    /** Passwords built from characters the messages use (quotes, ':', '/', '@', '?', '=', '#', '%') around a marker. */
    static final List<String> PASSWORDS =
            List.of("S3cr3tPw", "S3cr3t'/:@?&=#x", "'S3cr3t':5432/db?ssl=true", "p@S3cr3t@", "S3cr3t%2540");

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void message_names_the_wrong_part_and_never_the_password(String template, String names, String explains) {
        for (String password : PASSWORDS) {
            String url = template.replace("PW", password);
            InvalidDatabaseUrlException error =
                    catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(url));

            assertThat(error).as(url).isNotNull();
            assertThat(error.getMessage())
                    .as(url)
                    .contains(names)
                    .contains(explains)
                    .doesNotContain("S3cr3t")
                    .doesNotContain(password);
        }
    }

    @Test
    void a_password_with_a_bad_percent_escape_is_named_but_not_shown() {
        InvalidDatabaseUrlException error = catchThrowableOfType(
                InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse("postgres://u:S3cr3t%zz@h/db"));

        assertThat(error.getMessage())
                .contains("The password")
                .contains("two hex digits")
                .doesNotContain("S3cr3t");
        assertThat(catchThrowableOfType(
                                InvalidDatabaseUrlException.class,
                                () -> DatabaseUrl.parse("postgres://u:S3cr3t%C3%28@h/db"))
                        .getMessage())
                .contains("The password")
                .contains("not UTF-8")
                .doesNotContain("S3cr3t");
        assertThat(catchThrowableOfType(
                                InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse("postgres://S3cr3t%@h/db"))
                        .getMessage())
                .contains("The user name")
                .doesNotContain("S3cr3t");
    }

    @Test
    void a_forgotten_at_puts_the_password_where_the_port_goes_but_the_message_does_not_show_it() {
        InvalidDatabaseUrlException error = catchThrowableOfType(
                InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse("postgres://admin:S3cr3tPw/db"));

        assertThat(error.getMessage()).contains("The port after host 'admin'").doesNotContain("S3cr3tPw");
    }

    @Test
    void empty_or_missing_string() {
        assertThatThrownBy(() -> DatabaseUrl.parse(""))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> DatabaseUrl.parse(null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("is empty");
        assertThat(new InvalidDatabaseUrlException("x")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> malformedEmbedded() {
        return Stream.of(
                Arguments.of("derby:", "no Derby database name", "derby:memory:<name>"),
                Arguments.of("derby:memory:", "no Derby database name", "derby:/path/to/database"),
                Arguments.of("derby:?synchronize=true", "no Derby database name", ""),
                Arguments.of("derby://localhost:1527/db", "network server URLs", "derby:memory:<name>"),
                Arguments.of("derby:db;create=true", "contains ';'", "derby:name?create=false"),
                Arguments.of("derby:memory:x?ssl=true", "'ssl' does not apply", "Derby"),
                Arguments.of(
                        "derby:memory:x?sslmode=require",
                        "Unknown option 'sslmode'",
                        "Known options: synchronize, entityPrefix, create"),
                Arguments.of("derby:memory:x?create=maybe", "'create'", "true or false"),
                Arguments.of(
                        "sqlite://remote.example.com/dev.db",
                        "sqlite database is local",
                        "not host 'remote.example.com'"),
                Arguments.of("sqlite://u:S3cr3t@localhost/dev.db", "takes no user name or password", ""),
                Arguments.of("sqlite://localhost/", "no sqlite database", "sqlite://localhost/:memory:"),
                Arguments.of("sqlite://localhost", "no sqlite database", ""),
                Arguments.of("sqlite:", "no sqlite database", ""),
                Arguments.of("sqlite://localhost/:memory:?synchronize=1", "'synchronize'", "true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEmbedded")
    void embedded_forms_name_the_wrong_part(String url, String names, String explains) {
        InvalidDatabaseUrlException error =
                catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(url));

        assertThat(error).as(url).isNotNull();
        assertThat(error.getMessage()).contains(names).contains(explains).doesNotContain("S3cr3t");
    }

    @Test
    void suggestions_need_a_close_enough_word() {
        assertThat(Suggestions.closest("postgress", List.of("postgres", "mysql")))
                .contains("postgres");
        assertThat(Suggestions.closest("SYNCHRONIZE", List.of("synchronize"))).contains("synchronize");
        assertThat(Suggestions.closest("xyz", List.of("ssl", "mysql"))).isEmpty();
    }
}
