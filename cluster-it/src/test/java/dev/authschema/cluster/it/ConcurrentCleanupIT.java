package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Waits;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The expired-row clean-up as the servers run it: both nodes' own timers (every second here,
 * {@code AUTH_CLEANUP_INTERVAL=PT1S} in {@code settings/cluster.env}) sweep the shared database at the same time. Rows
 * the test writes straight into PostgreSQL must end up so: every expired one gone, every live one kept, and the
 * counts the two nodes log add up to exactly the number of expired rows, so each was deleted once.
 *
 * <p>To make sure both nodes really work on the same rows at once (a pass over these rows can take half a second, so
 * one node could otherwise finish before the other's next pass), the rows are written about to expire and the test
 * holds a row lock on them until well after they expired: both nodes' passes then find them and wait on the same
 * rows, and go on together when the lock is released. Which node deletes how many is up to PostgreSQL; the test prints
 * it.
 */
@Order(2)
@ExtendWith(Cluster.class)
class ConcurrentCleanupIT {

    /** Many batches of 500 per pass, so that the two nodes' DELETEs interleave. */
    private static final int EXPIRED_SESSIONS = 6000;

    private static final int LIVE_SESSIONS = 50;
    private static final int EXPIRED_TOKENS = 4000;
    private static final int LIVE_TOKENS = 40;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** How long after the insert the "expired" rows expire, and how long the test holds them locked. */
    private static final Duration EXPIRES_IN = Duration.ofSeconds(5);

    private static final Duration LOCKED_FOR = Duration.ofSeconds(8);
    /** A pass that waited on the test's lock took at least this long. */
    private static final Duration BLOCKED_PASS = Duration.ofMillis(1500);

    /** What {@code ExpiredRowsCleanup} logs after a pass: at INFO when it deleted rows, else at FINE (trace.log). */
    private static final Pattern PASS = Pattern.compile(
            "\\[auth] clean-up deleted (\\d+) expired sessions and (\\d+) expired verification tokens in (\\d+) ms");

    private static final String MESSAGES = "messages.log";
    /** Also the passes that deleted nothing (server.xml traces the clean-up at FINE). */
    private static final String TRACE = "trace.log";

    /** The adapter converts with UTC timestamps (TIMESTAMP without time zone), so the rows are written in UTC. */
    private static final String NOW_UTC = "(now() AT TIME ZONE 'UTC')";

    @Test
    void both_nodes_timers_delete_each_expired_row_once_and_no_live_one() throws Exception {
        List<LibertyNode> nodes = List.of(Cluster.a(), Cluster.b());
        for (LibertyNode node : nodes) {
            assertThat(node.logSince(MESSAGES, 0))
                    .as("%s runs the clean-up every second (cluster.env)", node.name())
                    .contains("[auth] periodic clean-up of expired rows every PT1S");
        }
        Map<LibertyNode, Long> messagesStart = new LinkedHashMap<>();
        Map<LibertyNode, Long> traceStart = new LinkedHashMap<>();
        for (LibertyNode node : nodes) {
            messagesStart.put(node, node.logLength(MESSAGES));
            traceStart.put(node, node.logLength(TRACE));
        }

        String marker = "cleanup-" + UUID.randomUUID().toString().substring(0, 8);
        int liveBefore;
        try (Connection connection = Cluster.database().connect()) {
            assertThat(expiredRows(connection))
                    .as("no expired rows before the test writes some")
                    .isZero();
            liveBefore = liveRows(connection);
            insertRows(connection, marker);
            holdLockedUntilExpired(connection, marker);
        }

        Instant deadline = Instant.now().plus(DEADLINE);
        try (Connection connection = Cluster.database().connect()) {
            while (expiredRows(connection) > 0) {
                assertThat(Instant.now())
                        .as("the nodes delete every expired row within %s", DEADLINE)
                        .isBefore(deadline);
                Waits.sleep(Duration.ofMillis(500));
            }
        }
        // The last pass's line may follow its commit by a moment; then a few more passes must not add to it.
        while (Instant.now().isBefore(deadline)
                && total(passes(MESSAGES, messagesStart)) < EXPIRED_SESSIONS + EXPIRED_TOKENS) {
            Waits.sleep(Duration.ofMillis(200));
        }
        Waits.sleep(Duration.ofSeconds(3));
        Map<LibertyNode, List<int[]>> passes = passes(MESSAGES, messagesStart);
        String report = describe(passes);
        System.out.println("Clean-up passes that deleted rows:\n" + report);
        Map<LibertyNode, List<int[]>> allPasses = passes(TRACE, traceStart);

        assertThat(allPasses)
                .as(
                        "each node had a pass that waited on the locked rows (>= %s ms), so both swept them"
                                + " at once:%n%s",
                        BLOCKED_PASS.toMillis(), describe(allPasses))
                .allSatisfy((node, list) -> assertThat(list)
                        .as(node.name())
                        .anySatisfy(p -> assertThat(p[2]).isGreaterThanOrEqualTo((int) BLOCKED_PASS.toMillis())));

        assertThat(passes.values().stream()
                        .flatMap(List::stream)
                        .mapToInt(p -> p[0])
                        .sum())
                .as("expired sessions deleted, summed over both nodes' logs:%n%s", report)
                .isEqualTo(EXPIRED_SESSIONS);
        assertThat(passes.values().stream()
                        .flatMap(List::stream)
                        .mapToInt(p -> p[1])
                        .sum())
                .as("expired verification tokens deleted, summed over both nodes' logs:%n%s", report)
                .isEqualTo(EXPIRED_TOKENS);
        try (Connection connection = Cluster.database().connect()) {
            assertThat(count(
                            connection,
                            "SELECT count(*) FROM demo_login_sessions WHERE session_token LIKE '" + marker
                                    + "-live-%'"))
                    .as("live sessions kept")
                    .isEqualTo(LIVE_SESSIONS);
            assertThat(count(
                            connection,
                            "SELECT count(*) FROM demo_sign_in_links WHERE token LIKE '" + marker + "-live-%'"))
                    .as("live sign-in links kept")
                    .isEqualTo(LIVE_TOKENS);
            assertThat(liveRows(connection))
                    .as("every live row, including the sessions other tests signed in")
                    .isEqualTo(liveBefore + LIVE_SESSIONS + LIVE_TOKENS);
        }
    }

    /** Written in one transaction; the "expired" ones expire {@link #EXPIRES_IN} later, all at once. */
    private static void insertRows(Connection connection, String marker) throws SQLException {
        connection.setAutoCommit(false);
        String member = marker + "-member";
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "INSERT INTO demo_members (id, email) VALUES ('" + member + "', '" + marker + "@cluster.test')");
        }
        try (PreparedStatement session = connection.prepareStatement("INSERT INTO demo_login_sessions"
                + " (id, session_token, user_id, expires) VALUES (?, ?, ?, " + NOW_UTC + " + ?::interval)")) {
            for (int i = 0; i < EXPIRED_SESSIONS + LIVE_SESSIONS; i++) {
                boolean live = i >= EXPIRED_SESSIONS;
                session.setString(1, marker + "-s" + i);
                session.setString(2, marker + (live ? "-live-" : "-expired-") + i);
                session.setString(3, member);
                session.setString(4, live ? "1 day" : EXPIRES_IN.toMillis() + " milliseconds");
                session.addBatch();
            }
            session.executeBatch();
        }
        try (PreparedStatement token = connection.prepareStatement("INSERT INTO demo_sign_in_links"
                + " (identifier, token, expires) VALUES (?, ?, " + NOW_UTC + " + ?::interval)")) {
            for (int i = 0; i < EXPIRED_TOKENS + LIVE_TOKENS; i++) {
                boolean live = i >= EXPIRED_TOKENS;
                token.setString(1, marker + "@cluster.test");
                token.setString(2, marker + (live ? "-live-" : "-expired-") + i);
                token.setString(3, live ? "1 hour" : EXPIRES_IN.toMillis() + " milliseconds");
                token.addBatch();
            }
            token.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /**
     * Locks the test's rows before they expire (the timers leave them alone until then) and keeps the lock until both
     * nodes' passes, firing every second, have found them expired and wait on the lock.
     */
    private static void holdLockedUntilExpired(Connection connection, String marker) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            int locked = count(
                            statement,
                            "SELECT count(*) FROM (SELECT 1 FROM demo_login_sessions WHERE session_token" + " LIKE '"
                                    + marker + "-%' FOR UPDATE) s")
                    + count(
                            statement,
                            "SELECT count(*) FROM (SELECT 1 FROM demo_sign_in_links WHERE token LIKE '" + marker
                                    + "-%' FOR UPDATE) t");
            assertThat(locked).isEqualTo(EXPIRED_SESSIONS + LIVE_SESSIONS + EXPIRED_TOKENS + LIVE_TOKENS);
            assertThat(count(
                            statement,
                            "SELECT count(*) FROM demo_login_sessions WHERE session_token LIKE '" + marker
                                    + "-%' AND expires < " + NOW_UTC))
                    .as("locked before they expired")
                    .isZero();
            Waits.sleep(LOCKED_FOR);
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static int expiredRows(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM demo_login_sessions WHERE expires < " + NOW_UTC)
                + count(connection, "SELECT count(*) FROM demo_sign_in_links WHERE expires < " + NOW_UTC);
    }

    private static int liveRows(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM demo_login_sessions WHERE expires >= " + NOW_UTC)
                + count(connection, "SELECT count(*) FROM demo_sign_in_links WHERE expires >= " + NOW_UTC);
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return count(statement, sql);
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Each node's passes logged to a file since the given positions, as {sessions, tokens, milliseconds}. */
    private static Map<LibertyNode, List<int[]>> passes(String file, Map<LibertyNode, Long> logStart)
            throws IOException {
        Map<LibertyNode, List<int[]>> passes = new LinkedHashMap<>();
        for (Map.Entry<LibertyNode, Long> entry : logStart.entrySet()) {
            List<int[]> list = new ArrayList<>();
            Matcher matcher = PASS.matcher(entry.getKey().logSince(file, entry.getValue()));
            while (matcher.find()) {
                list.add(new int[] {
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))
                });
            }
            passes.put(entry.getKey(), list);
        }
        return passes;
    }

    private static int total(Map<LibertyNode, List<int[]>> passes) {
        return passes.values().stream()
                .flatMap(List::stream)
                .mapToInt(p -> p[0] + p[1])
                .sum();
    }

    private static String describe(Map<LibertyNode, List<int[]>> passes) {
        StringBuilder text = new StringBuilder();
        passes.forEach((node, list) -> list.forEach(p -> text.append(node.name())
                .append(": ")
                .append(p[0])
                .append(" sessions, ")
                .append(p[1])
                .append(" tokens, ")
                .append(p[2])
                .append(" ms\n")));
        return text.toString();
    }
}
