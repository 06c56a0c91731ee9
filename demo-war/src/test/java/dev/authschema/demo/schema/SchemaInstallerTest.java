package dev.authschema.demo.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaInstallerTest {

    @Test
    void knows_the_dialect_of_each_supported_database() {
        assertThat(SchemaInstaller.dialectOf("Apache Derby")).isEqualTo("derby");
        assertThat(SchemaInstaller.dialectOf("PostgreSQL")).isEqualTo("postgresql");
        assertThat(SchemaInstaller.dialectOf("MariaDB")).isEqualTo("mariadb");
        assertThat(SchemaInstaller.dialectOf("MySQL")).isEqualTo("mysql");
        assertThat(SchemaInstaller.dialectOf("Microsoft SQL Server")).isEqualTo("sqlserver");
        assertThatThrownBy(() -> SchemaInstaller.dialectOf("H2")).hasMessageContaining("H2");
    }
}
