package dev.authschema.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.ddl.Dialect;
import org.junit.jupiter.api.Test;

/**
 * What each dialect's script must say. Derby, PostgreSQL and MariaDB scripts also run against real
 * servers in the conformance tests; SQL Server's is checked here as text only (no server here).
 */
class DdlTextTest {

    private static String ddl(Samples sample, Dialect dialect) {
        return DdlGenerator.generate(sample.schema(), dialect);
    }

    @Test
    void reservedWordsAreQuotedTheWayEachDatabaseQuotes() {
        assertThat(ddl(Samples.CUSTOM, Dialect.DERBY)).contains("\"order\" INTEGER DEFAULT 0 NOT NULL", "\"user\" VARCHAR(1000)");
        assertThat(ddl(Samples.CUSTOM, Dialect.POSTGRESQL)).contains("\"order\" INTEGER DEFAULT 0 NOT NULL", "\"user\" TEXT");
        assertThat(ddl(Samples.CUSTOM, Dialect.MYSQL)).contains("`order` INT DEFAULT 0 NOT NULL", "`user` VARCHAR(191)");
        assertThat(ddl(Samples.CUSTOM, Dialect.SQLSERVER)).contains("[order] INT DEFAULT 0 NOT NULL", "[user] NVARCHAR(1000)");
    }

    @Test
    void sqlServerScriptUsesItsOwnTypesForKeysTokensAndTime() {
        String script = ddl(Samples.V3_LEGACY, Dialect.SQLSERVER);

        assertThat(script).contains("id INT IDENTITY(1,1) NOT NULL");
        assertThat(script).contains("access_token NVARCHAR(MAX)", "refresh_token NVARCHAR(MAX)");
        assertThat(script).contains("expires DATETIME2(3) NOT NULL");
        assertThat(script).contains("created_at DATETIME2(3) DEFAULT CURRENT_TIMESTAMP NOT NULL");
        assertThat(script).contains("CONSTRAINT accounts_pkey PRIMARY KEY (id)", "CONSTRAINT accounts_compound_id_key UNIQUE (compound_id)");
        assertThat(script).contains("CREATE INDEX providerAccountId ON accounts (provider_account_id);");
    }

    @Test
    void foreignKeysCascadeOnDeleteWhereTheSchemaSaysSo() {
        for (Dialect dialect : Dialect.values()) {
            assertThat(ddl(Samples.CURRENT, dialect)).as(dialect.name())
                    .contains("FOREIGN KEY (userId) REFERENCES " + dialect.identifier("User") + " (id) ON DELETE CASCADE");
        }
    }

    @Test
    void tokenColumnsHoldLongTokensAndTimestampsKeepMilliseconds() {
        assertThat(ddl(Samples.CURRENT, Dialect.POSTGRESQL)).contains("id_token TEXT", "expires TIMESTAMP(3) NOT NULL");
        assertThat(ddl(Samples.CURRENT, Dialect.MARIADB)).contains("id_token TEXT", "expires DATETIME(3) NOT NULL");
        assertThat(ddl(Samples.CURRENT, Dialect.DERBY)).contains("id_token VARCHAR(32672)", "expires TIMESTAMP NOT NULL");
    }
}
