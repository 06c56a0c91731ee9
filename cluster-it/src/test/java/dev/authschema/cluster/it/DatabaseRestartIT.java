package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PostgreSQL goes away under load and comes back: both nodes fail cleanly, then recover on their own. */
@Order(3)
@ExtendWith(Cluster.class)
class DatabaseRestartIT {

    /** Longer than a request waits for a connection (about 10 s here). */
    private static final Duration DOWN = Duration.ofSeconds(15);
    private static final Duration RECOVERY = Duration.ofSeconds(45);

    @Test
    void a_database_restart_under_load_shows_no_stack_trace_and_loses_no_session()
            throws Exception {
        List<Load.User> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = Cluster.uniqueEmail("pg" + i);
            users.add(new Load.User(Cluster.signIn(i % 2 == 0 ? Cluster.a() : Cluster.b(), email), email));
        }
        List<LibertyNode> nodes = List.of(Cluster.a(), Cluster.b());

        Instant stopped;
        Instant started;
        Instant recovered;
        List<Load.Outcome> outcomes;
        try (Load load = new Load(nodes, users, 2, Duration.ofSeconds(90))) {
            Cluster.pause(Duration.ofSeconds(3));
            try {
                stopped = Instant.now();
                Postgres.stop();
                Cluster.pause(DOWN);
            } finally {
                Postgres.start();
            }
            started = Instant.now();
            awaitRecovery(nodes, users.get(0));
            recovered = Instant.now();
            Cluster.pause(Duration.ofSeconds(3));
            load.stop();
            outcomes = load.outcomes();
        }

        assertThat(outcomes).as("no response shows a Java exception or stack trace")
                .noneMatch(Load.Outcome::showsStackTrace);
        String log = outcomes.stream().map(Load.Outcome::toString).collect(Collectors.joining("\n"));
        List<Load.Outcome> before = outcomes.stream().filter(o -> o.at().isBefore(stopped)).toList();
        assertThat(before).isNotEmpty().allMatch(Load.Outcome::signedIn);
        // What the nodes answer while the database is down: an error, never a signed-out user. (Observed: most requests
        // wait for a connection, about 10 s on B and longer on A, rather than failing at once.)
        List<Load.Outcome> down = outcomes.stream()
                .filter(o -> o.sent().isAfter(stopped.plusSeconds(1)) && o.at().isBefore(started)).toList();
        assertThat(down).as("answers while the database was down (stopped %s, started %s):%n%s", stopped, started,
                log).allSatisfy(o -> assertThat(o.status() == -1 || o.status() >= 500 || o.signedIn())
                        .as("%s", o).isTrue());
        assertThat(outcomes.stream().filter(o -> o.sent().isAfter(recovered)))
                .as("requests sent after recovery").isNotEmpty().allMatch(Load.Outcome::signedIn);

        for (Load.User user : users) {
            for (LibertyNode node : nodes) {
                assertThat(Cluster.isSignedIn(node, user.token(), user.email()))
                        .as("%s still signed in on %s", user.email(), node.name()).isTrue();
            }
        }
    }

    /** Waits until both nodes answer from the database again; the app is never restarted. */
    private static void awaitRecovery(List<LibertyNode> nodes, Load.User user) throws Exception {
        Instant deadline = Instant.now().plus(RECOVERY);
        for (LibertyNode node : nodes) {
            while (!Cluster.isSignedIn(node, user.token(), user.email())) {
                assertThat(Instant.now()).as("%s answers again within %s s of the restart", node.name(),
                        RECOVERY.toSeconds()).isBefore(deadline);
                Cluster.pause(Duration.ofMillis(500));
            }
        }
    }
}
