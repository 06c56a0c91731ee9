package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.engine.cleanup.ExpiredRowsSweeper;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.ResourceLocalJpaWork;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The expired-row clean-up run by two "servers" at once on the shared database. The demo has no hook to trigger its
 * hourly clean-up, so two persistence units in this JVM (each its own EclipseLink session and connection pool, as on
 * two nodes) run the demo's generated adapter through the runtime's sweeper at the same moment.
 */
@Order(2)
@ExtendWith(Cluster.class)
class ConcurrentCleanupIT {

    private static final int EXPIRED_SESSIONS = 120;
    private static final int LIVE_SESSIONS = 15;
    private static final int EXPIRED_TOKENS = 90;
    private static final int LIVE_TOKENS = 12;
    /** Small batches, so that the two sweeps interleave over many DELETEs. */
    private static final int BATCH = 7;

    @Test
    void two_nodes_cleaning_up_at_once_delete_each_expired_row_once_and_no_live_one() throws Exception {
        String marker = "cleanup-" + UUID.randomUUID().toString().substring(0, 8);
        int liveBefore;
        try (Connection connection = Cluster.database().connect()) {
            insertRows(connection, marker);
            liveBefore = count(connection, "SELECT count(*) FROM demo_login_sessions WHERE expires >= "
                    + NOW_UTC) + count(connection, "SELECT count(*) FROM demo_sign_in_links WHERE expires >= "
                    + NOW_UTC);
        }

        List<ExpiredRowsSweeper.Swept> results = new ArrayList<>();
        List<EntityManagerFactory> factories = List.of(factory(), factory());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<ExpiredRowsSweeper.Swept>> sweeps = new ArrayList<>();
            for (EntityManagerFactory factory : factories) {
                AdapterMaintenance maintenance = adapter(new ResourceLocalJpaWork(factory));
                ExpiredRowsSweeper sweeper = new ExpiredRowsSweeper(maintenance, Clock.systemUTC(), BATCH, 1000);
                sweeps.add(nodes.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return sweeper.sweep();
                }));
            }
            for (Future<ExpiredRowsSweeper.Swept> sweep : sweeps) {
                results.add(sweep.get(120, TimeUnit.SECONDS));
            }
        } finally {
            nodes.shutdownNow();
            factories.forEach(EntityManagerFactory::close);
        }

        assertThat(results.stream().mapToInt(ExpiredRowsSweeper.Swept::sessions).sum())
                .as("expired sessions deleted, summed over both nodes").isEqualTo(EXPIRED_SESSIONS);
        assertThat(results.stream().mapToInt(ExpiredRowsSweeper.Swept::verificationTokens).sum())
                .as("expired tokens deleted, summed over both nodes").isEqualTo(EXPIRED_TOKENS);
        assertThat(results).as("both nodes did part of the work").allSatisfy(
                swept -> assertThat(swept.sessions() + swept.verificationTokens()).isPositive());
        try (Connection connection = Cluster.database().connect()) {
            assertThat(count(connection, "SELECT count(*) FROM demo_login_sessions WHERE expires < " + NOW_UTC))
                    .isZero();
            assertThat(count(connection, "SELECT count(*) FROM demo_sign_in_links WHERE expires < " + NOW_UTC))
                    .isZero();
            assertThat(count(connection, "SELECT count(*) FROM demo_login_sessions WHERE session_token LIKE '"
                    + marker + "-live-%'")).isEqualTo(LIVE_SESSIONS);
            assertThat(count(connection, "SELECT count(*) FROM demo_sign_in_links WHERE token LIKE '" + marker
                    + "-live-%'")).isEqualTo(LIVE_TOKENS);
            assertThat(count(connection, "SELECT count(*) FROM demo_login_sessions WHERE expires >= " + NOW_UTC)
                    + count(connection, "SELECT count(*) FROM demo_sign_in_links WHERE expires >= " + NOW_UTC))
                    .as("every live row, including the sessions other tests signed in").isEqualTo(liveBefore);
        }
    }

    /** The adapter converts with UTC timestamps (TIMESTAMP without time zone), so the rows are written in UTC. */
    private static final String NOW_UTC = "(now() AT TIME ZONE 'UTC')";

    private static void insertRows(Connection connection, String marker) throws SQLException {
        String member = marker + "-member";
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO demo_members (id, email) VALUES ('" + member + "', '" + marker
                    + "@cluster.test')");
        }
        try (PreparedStatement session = connection.prepareStatement("INSERT INTO demo_login_sessions"
                + " (id, session_token, user_id, expires) VALUES (?, ?, ?, " + NOW_UTC + " + ?::interval)")) {
            for (int i = 0; i < EXPIRED_SESSIONS + LIVE_SESSIONS; i++) {
                boolean live = i >= EXPIRED_SESSIONS;
                session.setString(1, marker + "-s" + i);
                session.setString(2, marker + (live ? "-live-" : "-expired-") + i);
                session.setString(3, member);
                session.setString(4, live ? "1 day" : "-" + (1 + i) + " minutes");
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
                token.setString(3, live ? "1 hour" : "-" + (1 + i) + " minutes");
                token.addBatch();
            }
            token.executeBatch();
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** The demo's own persistence unit from its WAR, switched to plain JDBC on the shared database. */
    private static EntityManagerFactory factory() {
        Map<String, String> properties = new HashMap<>(Cluster.database().url().jpaProperties());
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("eclipselink.logging.level", "WARNING");
        return Persistence.createEntityManagerFactory("authschema-demo", properties);
    }

    /** The demo's generated adapter, loaded from the WAR's classes (this module does not compile against them). */
    private static AdapterMaintenance adapter(JpaWork work) throws ReflectiveOperationException {
        return (AdapterMaintenance) Class.forName("dev.authschema.demo.auth.JpaAuthAdapter")
                .getConstructor(JpaWork.class).newInstance(work);
    }
}
