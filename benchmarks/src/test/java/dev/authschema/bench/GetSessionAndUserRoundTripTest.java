package dev.authschema.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.bench.adapter.AuthjsOnPostgres;
import dev.authschema.bench.jdbc.CountingDriver;
import dev.authschema.bench.jdbc.SqlLog;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract says {@code getSessionAndUser} is one database round trip. The generated adapter of the current Auth.js
 * schema runs on PostgreSQL behind a driver that records every statement and every commit sent to the server. Each
 * test reads users no other test reads, so the order of the tests does not matter.
 */
class GetSessionAndUserRoundTripTest {

    private static SqlLog sql;
    private static AuthjsOnPostgres database;
    private static AuthAdapter adapter;

    @BeforeAll
    static void start() throws SQLException {
        sql = CountingDriver.installForPostgresql();
        database = AuthjsOnPostgres.start();
        database.fill(100);
        adapter = database.adapter();
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_session_whose_user_eclipselink_has_cached_costs_one_round_trip() {
        for (int i = 0; i < 3; i++) {
            String userId = AuthjsOnPostgres.userId(i);
            adapter.getSessionAndUser(AuthjsOnPostgres.sessionToken(i));
            sql.clear();

            assertThat(adapter.getSessionAndUser(AuthjsOnPostgres.sessionToken(i)))
                    .hasValueSatisfying(found -> assertThat(found.user().id()).isEqualTo(userId));

            assertThat(sql.entries())
                    .as("statements and commits sent")
                    .singleElement()
                    .asString()
                    .startsWith("SELECT")
                    .contains(database.name("Session"))
                    .contains(database.name("User"));
        }
    }

    /**
     * The generated query fetches the session's {@code user} relationship in the same statement ({@code JOIN FETCH}), so
     * a user EclipseLink has never seen costs no second SELECT, with or without weaving.
     */
    @Test
    void a_session_whose_user_is_not_cached_costs_one_round_trip_too() {
        String userId = AuthjsOnPostgres.userId(50);
        sql.clear();

        assertThat(adapter.getSessionAndUser(AuthjsOnPostgres.sessionToken(50)))
                .hasValueSatisfying(found -> assertThat(found.user().id()).isEqualTo(userId));

        assertThat(sql.entries())
                .as("statements and commits sent")
                .singleElement()
                .asString()
                .startsWith("SELECT")
                .contains(database.name("Session"))
                .contains(database.name("User"));
    }

    @Test
    void an_unknown_session_costs_one_round_trip() {
        sql.clear();

        assertThat(adapter.getSessionAndUser("no-such-session")).isEmpty();

        assertThat(sql.roundTrips()).as("round trips of %s", sql.entries()).isEqualTo(1);
    }

    @Test
    void a_user_by_account_costs_one_round_trip() {
        adapter.getUserByAccount("github", AuthjsOnPostgres.providerAccountId(5));
        sql.clear();

        assertThat(adapter.getUserByAccount("github", AuthjsOnPostgres.providerAccountId(6)))
                .hasValueSatisfying(user -> assertThat(user.id()).isEqualTo(AuthjsOnPostgres.userId(6)));

        assertThat(sql.roundTrips()).as("round trips of %s", sql.entries()).isEqualTo(1);
    }
}
