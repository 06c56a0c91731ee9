package dev.authschema.dsl.resolve;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The database a schema targets: the dialect of the generated DDL. */
public enum Provider {
    DERBY("derby"),
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    MARIADB("mariadb"),
    SQLSERVER("sqlserver");

    private final String schemaName;

    Provider(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }

    /**
     * The provider for a datasource's {@code provider} value. {@code sqlite}, the seeds' development
     * database, maps to embedded Derby, which plays that part here; {@code postgres} and {@code cockroachdb}
     * to PostgreSQL.
     */
    public static Optional<Provider> of(String schemaName) {
        if ("sqlite".equals(schemaName)) {
            return Optional.of(DERBY);
        }
        if ("postgres".equals(schemaName) || "cockroachdb".equals(schemaName)) {
            return Optional.of(POSTGRESQL); // Prisma's alias, and CockroachDB, which speaks PostgreSQL's SQL
        }
        return Arrays.stream(values())
                .filter(p -> p.schemaName.equals(schemaName))
                .findFirst();
    }

    /** The values a schema may write, for messages and suggestions. */
    public static List<String> schemaNames() {
        return List.of("derby", "postgresql", "postgres", "cockroachdb", "mysql", "mariadb", "sqlserver", "sqlite");
    }
}
