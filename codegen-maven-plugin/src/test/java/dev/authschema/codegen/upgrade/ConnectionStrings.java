package dev.authschema.codegen.upgrade;

import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.database.DatabaseUrl;

/** A test database as the connection string an application would be given, so the tests go through {@link DatabaseUrl}. */
final class ConnectionStrings {

    private static final String DERBY = "jdbc:derby:memory:";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private ConnectionStrings() {}

    static DatabaseUrl of(TestDatabase database) {
        String url = database.url();
        if (url.startsWith(DERBY)) {
            return DatabaseUrl.parse("derby:memory:" + url.substring(DERBY.length()));
        }
        if (url.startsWith(POSTGRES)) {
            return DatabaseUrl.parse("postgres://" + database.user() + "@127.0.0.1:5432/test?schema="
                    + url.substring(POSTGRES.length()));
        }
        if (url.startsWith(MARIADB)) {
            return DatabaseUrl.parse(
                    "mariadb://" + database.user() + ":@127.0.0.1:3306/" + url.substring(MARIADB.length()));
        }
        throw new IllegalArgumentException("No connection string form for the test database " + url);
    }
}
