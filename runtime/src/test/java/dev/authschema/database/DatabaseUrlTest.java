package dev.authschema.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void postgres_with_every_part_and_the_seeds_options() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgres://nextauth:secret@127.0.0.1:5432/auth?synchronize=true&entityPrefix=nextauth_");

        assertThat(url.dialect()).isEqualTo(DatabaseDialect.POSTGRESQL);
        assertThat(url.dialectName()).isEqualTo("postgresql");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/auth");
        assertThat(url.user()).contains("nextauth");
        assertThat(url.password()).contains("secret");
        assertThat(url.driverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(url.synchronize()).isTrue();
        assertThat(url.entityPrefix()).isEqualTo("nextauth_");
        assertThat(url.jdbcProperties()).isEmpty();
    }

    @Test
    void postgresql_scheme_and_default_port() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db.example.com/auth");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/auth");
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEmpty();
        assertThat(url.synchronize()).isFalse();
        assertThat(url.entityPrefix()).isEmpty();
    }

    @Test
    void scheme_is_case_insensitive_and_surrounding_blanks_are_ignored() {
        assertThat(DatabaseUrl.parse("  POSTGRES://h/db \n").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void mysql_and_mariadb() {
        DatabaseUrl mysql =
                DatabaseUrl.parse("mysql://username:password@127.0.0.1:3306/database_name?synchronize=true");
        assertThat(mysql.dialectName()).isEqualTo("mysql");
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/database_name");
        assertThat(mysql.driverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
        assertThat(mysql.synchronize()).isTrue();

        DatabaseUrl mariadb = DatabaseUrl.parse("mariadb://username:password@localhost/database_name");
        assertThat(mariadb.dialectName()).isEqualTo("mariadb");
        assertThat(mariadb.jdbcUrl()).isEqualTo("jdbc:mariadb://localhost:3306/database_name");
        assertThat(mariadb.driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
    }

    @Test
    void ipv6_host() {
        assertThat(DatabaseUrl.parse("postgres://u@[::1]:6543/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:6543/db");
        assertThat(DatabaseUrl.parse("postgres://u@[::1]/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void user_and_password_are_percent_decoded_but_plus_stays_plus() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://na%20me:p%40ss+w%C3%B6rd%25@host/db");

        assertThat(url.user()).contains("na me");
        assertThat(url.password()).contains("p@ss+wörd%");
    }

    @Test
    void unencoded_special_characters_in_the_password_end_at_the_last_at() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@ss:w/rd?x#y@127.0.0.1:5432/db");

        assertThat(url.user()).contains("u");
        assertThat(url.password()).contains("p@ss:w/rd?x#y");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db");
    }

    @Test
    void empty_password_is_no_password() {
        DatabaseUrl url = DatabaseUrl.parse("mariadb://root:@127.0.0.1:3306/test");

        assertThat(url.user()).contains("root");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void derby_forms() {
        assertThat(DatabaseUrl.parse("derby:memory:dev").jdbcUrl()).isEqualTo("jdbc:derby:memory:dev;create=true");
        assertThat(DatabaseUrl.parse("derby:/var/lib/auth/db").jdbcUrl())
                .isEqualTo("jdbc:derby:/var/lib/auth/db;create=true");
        assertThat(DatabaseUrl.parse("derby:authdb?synchronize=true").jdbcUrl())
                .isEqualTo("jdbc:derby:authdb;create=true");
        assertThat(DatabaseUrl.parse("derby:authdb?create=false").jdbcUrl()).isEqualTo("jdbc:derby:authdb");

        DatabaseUrl url = DatabaseUrl.parse("derby:memory:dev?synchronize=true&entityPrefix=nextauth_");
        assertThat(url.dialectName()).isEqualTo("derby");
        assertThat(url.driverClassName()).isEqualTo("org.apache.derby.jdbc.EmbeddedDriver");
        assertThat(url.user()).isEmpty();
        assertThat(url.synchronize()).isTrue();
        assertThat(url.entityPrefix()).isEqualTo("nextauth_");
    }

    @Test
    void sqlite_is_served_by_derby() {
        DatabaseUrl memory = DatabaseUrl.parse("sqlite://localhost/:memory:?synchronize=true");
        assertThat(memory.dialect()).isEqualTo(DatabaseDialect.DERBY);
        assertThat(memory.jdbcUrl()).isEqualTo("jdbc:derby:memory:authschema;create=true");
        assertThat(memory.synchronize()).isTrue();

        assertThat(DatabaseUrl.parse("sqlite::memory:").jdbcUrl())
                .isEqualTo("jdbc:derby:memory:authschema;create=true");
        assertThat(DatabaseUrl.parse("sqlite://localhost/data/dev.db").jdbcUrl())
                .isEqualTo("jdbc:derby:data/dev.db;create=true");
        assertThat(DatabaseUrl.parse("sqlite:///dev.db").jdbcUrl()).isEqualTo("jdbc:derby:dev.db;create=true");
        assertThat(DatabaseUrl.parse("sqlite:////tmp/dev.db").jdbcUrl())
                .isEqualTo("jdbc:derby:/tmp/dev.db;create=true");
        assertThat(DatabaseUrl.parse("sqlite:dev.db").jdbcUrl()).isEqualTo("jdbc:derby:dev.db;create=true");
    }

    @Test
    void ssl_is_spelled_the_way_each_driver_wants_it() {
        assertThat(DatabaseUrl.parse("postgres://h/db?ssl=true").jdbcProperties())
                .containsExactly(entry("sslmode", "verify-full"));
        assertThat(DatabaseUrl.parse("postgres://h/db?ssl=false").jdbcProperties())
                .containsExactly(entry("sslmode", "disable"));
        assertThat(DatabaseUrl.parse("mariadb://h/db?ssl").jdbcProperties())
                .containsExactly(entry("sslMode", "verify-full"));
        assertThat(DatabaseUrl.parse("mysql://h/db?ssl=TRUE").jdbcProperties())
                .containsExactly(entry("sslMode", "VERIFY_IDENTITY"));
    }

    @Test
    void driver_properties_pass_through_and_type_orm_names_are_translated() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgres://h/db?sslmode=verify-ca&sslrootcert=%2Fetc%2Fca.pem&schema=auth&application_name=demo"
                        + "&connectTimeout=5");

        assertThat(url.jdbcProperties())
                .containsExactly(
                        entry("sslmode", "verify-ca"),
                        entry("sslrootcert", "/etc/ca.pem"),
                        entry("currentSchema", "auth"),
                        entry("ApplicationName", "demo"),
                        entry("connectTimeout", "5"));
        assertThat(DatabaseUrl.parse("mariadb://h/db?connectTimeout=500&sslMode=trust")
                        .jdbcProperties())
                .containsExactly(entry("connectTimeout", "500"), entry("sslMode", "trust"));
    }

    @Test
    void jpa_properties_for_eclipse_link() {
        Map<String, String> properties = DatabaseUrl.parse("postgres://u:p%40ss@h:5433/db?sslmode=require")
                .jpaProperties();

        assertThat(properties)
                .containsOnly(
                        entry("jakarta.persistence.jdbc.url", "jdbc:postgresql://h:5433/db"),
                        entry("jakarta.persistence.jdbc.driver", "org.postgresql.Driver"),
                        entry("jakarta.persistence.jdbc.user", "u"),
                        entry("jakarta.persistence.jdbc.password", "p@ss"),
                        entry("eclipselink.target-database", "dev.authschema.jpa.eclipselink.UtcPostgreSQLPlatform"),
                        entry("eclipselink.jdbc.property.sslmode", "require"));
        assertThat(DatabaseUrl.parse("derby:memory:x").jpaProperties())
                .containsOnly(
                        entry("jakarta.persistence.jdbc.url", "jdbc:derby:memory:x;create=true"),
                        entry("jakarta.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver"),
                        entry("eclipselink.target-database", "dev.authschema.jpa.eclipselink.UtcDerbyPlatform"));
        assertThat(DatabaseUrl.parse("mariadb://h/db").jpaProperties())
                .containsEntry("eclipselink.target-database", "dev.authschema.jpa.eclipselink.UtcMariaDBPlatform");
        assertThat(DatabaseUrl.parse("mysql://h/db").jpaProperties())
                .containsEntry("eclipselink.target-database", "dev.authschema.jpa.eclipselink.UtcMySQLPlatform");
    }

    @Test
    void connection_properties_carry_the_credentials() {
        var properties =
                DatabaseUrl.parse("postgres://u:pw@h/db?sslmode=require").connectionProperties();

        assertThat(properties).containsOnly(entry("user", "u"), entry("password", "pw"), entry("sslmode", "require"));
    }

    @Test
    void to_string_masks_the_password_and_hides_property_values() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://admin:S3cr3tPw@h/db?sslmode=require&synchronize=true");

        assertThat(url.toString())
                .doesNotContain("S3cr3tPw")
                .doesNotContain("require")
                .contains("admin")
                .contains("jdbc:postgresql://h:5432/db")
                .contains("password=****")
                .contains("[sslmode]");
        assertThat(DatabaseUrl.parse("derby:memory:x").toString()).doesNotContain("password");
    }

    @Test
    void equal_strings_give_equal_settings() {
        assertThat(DatabaseUrl.parse("postgres://u:p@h/db"))
                .isEqualTo(DatabaseUrl.parse("postgresql://u:p@h:5432/db"))
                .hasSameHashCodeAs(DatabaseUrl.parse("postgresql://u:p@h:5432/db"))
                .isNotEqualTo(DatabaseUrl.parse("postgres://u:q@h/db"));
    }

    @Test
    void from_environment_reads_database_url() {
        DatabaseUrl url = DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", "derby:memory:env")::get);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:derby:memory:env;create=true");
    }

    @Test
    void from_environment_without_the_variable_says_which_variable() {
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DATABASE_URL is not set");
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", " ")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DATABASE_URL is not set");
    }

    @Test
    void from_environment_names_the_variable_in_parse_errors() {
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", "postgress://u:S3cr3t@h/db")::get))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("DATABASE_URL: ")
                .hasMessageContaining("Did you mean 'postgres'")
                .hasMessageNotContaining("S3cr3t");
    }

    @Test
    void from_environment_without_arguments_reads_the_process_environment() {
        String value = System.getenv("DATABASE_URL");
        if (value == null || value.isBlank()) {
            assertThatThrownBy(DatabaseUrl::fromEnvironment).isInstanceOf(IllegalStateException.class);
        } else {
            assertThat(DatabaseUrl.fromEnvironment()).isEqualTo(DatabaseUrl.parse(value));
        }
    }
}
