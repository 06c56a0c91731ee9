package dev.authschema.engine.config;

import dev.authschema.database.DatabaseUrl;
import dev.authschema.database.InvalidDatabaseUrlException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whether the engine brings the database up to the generated DDL at start-up (TypeORM's {@code synchronize}). The
 * first of: the builder's {@code synchronizeSchema(...)}; {@code AUTH_DATABASE_SYNCHRONIZE=true|false};
 * {@code ?synchronize=true} in {@code DATABASE_URL}; on in development, off in production (where a schema change is a
 * deliberate step, not a side effect of a deployment).
 */
final class SchemaSynchronizationSetting {

    static final String VARIABLE = "AUTH_DATABASE_SYNCHRONIZE";

    private SchemaSynchronizationSetting() {}

    static boolean resolve(
            Boolean explicit, Function<String, String> environment, boolean development, List<String> problems) {
        if (explicit != null) {
            return explicit;
        }
        String value = environment.apply(VARIABLE);
        if (value != null && !value.isBlank()) {
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1":
                    return true;
                case "false", "0":
                    return false;
                default:
                    problems.add("synchronizeSchema: " + VARIABLE + " is '" + value.strip() + "'; write true (create"
                            + " missing tables at start-up) or false");
                    return false;
            }
        }
        String databaseUrl = environment.apply(DatabaseUrl.ENVIRONMENT_VARIABLE);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            try {
                if (DatabaseUrl.parse(databaseUrl.strip()).synchronize()) {
                    return true;
                }
            } catch (InvalidDatabaseUrlException e) {
                problems.add("synchronizeSchema: " + DatabaseUrl.ENVIRONMENT_VARIABLE + ": " + e.getMessage());
            }
        }
        return development;
    }
}
