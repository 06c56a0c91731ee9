package dev.authschema.bench.adapter;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.bench.jdbc.CountingDriver;
import dev.authschema.bench.jdbc.SqlLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints what each benchmarked operation sends to PostgreSQL, for the generated adapter and for hand-written JDBC:
 * the statements and commits in order, one round trip each. Explains the ratios of {@link AdapterBenchmark}.
 */
public final class RoundTrips {

    private RoundTrips() {}

    public static void main(String[] args) throws SQLException {
        SqlLog sql = CountingDriver.installForPostgresql();
        try (AuthjsOnPostgres database = AuthjsOnPostgres.start();
                Connection connection = database.connect()) {
            database.fill(100);
            AuthOperations generated = AuthOperations.of(database.adapter());
            AuthOperations jdbc = new HandWrittenJdbc(connection, database);
            Instant expires = Instant.now().plus(Duration.ofDays(1));
            for (var side : List.of(new Side("generated", generated, 10), new Side("jdbc", jdbc, 20))) {
                AuthOperations operations = side.operations();
                int user = side.firstUser();
                show(
                        sql,
                        side.name(),
                        "getSessionAndUser, user not cached",
                        o -> o.getSessionAndUser(AuthjsOnPostgres.sessionToken(user)),
                        operations);
                show(
                        sql,
                        side.name(),
                        "getSessionAndUser, user cached",
                        o -> o.getSessionAndUser(AuthjsOnPostgres.sessionToken(user)),
                        operations);
                show(
                        sql,
                        side.name(),
                        "getUserByAccount",
                        o -> o.getUserByAccount("github", AuthjsOnPostgres.providerAccountId(user + 1)),
                        operations);
                show(
                        sql,
                        side.name(),
                        "createSession",
                        o -> o.createSession(AdapterSession.of(
                                "round-trips-" + side.name(), AuthjsOnPostgres.userId(user), expires)),
                        operations);
                database.adapter()
                        .createVerificationToken(
                                new VerificationToken("a@example.com", "token-" + side.name(), expires));
                show(
                        sql,
                        side.name(),
                        "useVerificationToken",
                        o -> o.useVerificationToken("a@example.com", "token-" + side.name()),
                        operations);
            }
        }
    }

    private record Side(String name, AuthOperations operations, int firstUser) {}

    private static void show(
            SqlLog sql, String side, String what, Consumer<AuthOperations> call, AuthOperations operations) {
        sql.clear();
        call.accept(operations);
        List<String> sent = sql.entries();
        System.out.printf("%-9s %-36s %d round trip(s)%n", side, what, sent.size());
        sent.forEach(entry -> System.out.println("          " + entry));
    }
}
