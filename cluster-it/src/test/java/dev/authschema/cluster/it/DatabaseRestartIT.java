package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Waits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away under load and comes back: while it is down every request gets a clean error at once (no
 * stack trace, no hang, never a signed-out answer); afterwards both nodes answer again without a restart and every
 * session is still valid.
 */
@Order(3)
@ExtendWith(Cluster.class)
class DatabaseRestartIT {

    /** Long enough for many requests to each node, short because other builds share this PostgreSQL. */
    private static final Duration DOWN = Duration.ofSeconds(6);

    private static final Duration RECOVERY = Duration.ofSeconds(45);
    /**
     * A generous bound for "answered at once": EclipseLink's default read retry made each request wait about 10 s;
     * with the persistence unit's FailFastOnDatabaseOutage an answer takes milliseconds.
     */
    private static final Duration PROMPT = Duration.ofSeconds(3);

    @Test
    void a_database_restart_under_load_fails_cleanly_at_once_and_loses_no_session() throws Exception {
        List<Load.User> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = Cluster.uniqueEmail("pg" + i);
            users.add(new Load.User(Cluster.signIn(i % 2 == 0 ? Cluster.a() : Cluster.b(), email), email));
        }
        List<LibertyNode> nodes = List.of(Cluster.a(), Cluster.b());

        Instant stopping;
        Instant down;
        Instant starting;
        Instant started;
        Instant recovered;
        List<Load.Outcome> outcomes;
        HttpResponse<String> protectedPageWhileDown;
        try (Load load = new Load(nodes, users, 2, Duration.ofSeconds(90))) {
            Waits.sleep(Duration.ofSeconds(3));
            try {
                stopping = Instant.now();
                Postgres.stop();
                down = Instant.now();
                System.out.println("PostgreSQL stopped from " + stopping + " (down at " + down + ")");
                protectedPageWhileDown =
                        Cluster.page(Cluster.b(), "/account.xhtml", users.get(0).token());
                Waits.sleep(DOWN);
            } finally {
                starting = Instant.now();
                Postgres.start();
            }
            started = Instant.now();
            System.out.println("PostgreSQL started at " + starting + " (accepting at " + started + ")");
            awaitRecovery(nodes, users.get(0));
            recovered = Instant.now();
            Waits.sleep(Duration.ofSeconds(3));
            load.stop();
            outcomes = load.outcomes();
        }

        String log = outcomes.stream().map(Load.Outcome::toString).collect(Collectors.joining("\n"));
        assertThat(outcomes)
                .as("no response shows a Java exception or stack trace:%n%s", log)
                .noneMatch(Load.Outcome::showsStackTrace);
        // A signed-in member's page says "try again", it does not send them to sign in as if signed out.
        assertThat(protectedPageWhileDown.statusCode()).isEqualTo(503);
        assertThat(protectedPageWhileDown.headers().firstValue("Retry-After")).isPresent();
        assertThat(protectedPageWhileDown.body())
                .contains("Temporarily unavailable")
                .doesNotContainPattern(Cluster.STACK_TRACE);
        List<Load.Outcome> before =
                outcomes.stream().filter(o -> o.at().isBefore(stopping)).toList();
        assertThat(before).isNotEmpty().allMatch(Load.Outcome::signedIn);

        // While the database is certainly down: an error answer for each request, at once.
        List<Load.Outcome> whileDown = outcomes.stream()
                .filter(o -> !o.sent().isBefore(down) && o.sent().isBefore(starting))
                .toList();
        System.out.println(whileDown.size() + " requests while down, slowest answered in "
                + whileDown.stream()
                        .map(Load.Outcome::duration)
                        .max(Duration::compareTo)
                        .orElse(Duration.ZERO)
                        .toMillis()
                + " ms");
        assertThat(whileDown.stream().map(Load.Outcome::node).distinct())
                .as("both nodes were asked while the database was down (%s to %s):%n%s", down, starting, log)
                .hasSize(2);
        assertThat(whileDown)
                .as("requests while the database was down (%s to %s):%n%s", down, starting, log)
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(o -> {
                    assertThat(o.cleanError()).as("a clean error answer: %s", o).isTrue();
                    assertThat(o.duration())
                            .as("answered within %s: %s", PROMPT, o)
                            .isLessThan(PROMPT);
                });
        // While it stops or starts: signed in, or a clean error; either way no hang.
        assertThat(outcomes.stream()
                        .filter(o -> !o.sent().isBefore(stopping) && o.sent().isBefore(started)))
                .as("requests while the database stopped or started:%n%s", log)
                .allSatisfy(o -> {
                    assertThat(o.signedIn() || o.cleanError())
                            .as("signed in or a clean error: %s", o)
                            .isTrue();
                    assertThat(o.duration())
                            .as("answered within %s: %s", PROMPT, o)
                            .isLessThan(PROMPT);
                });
        assertThat(outcomes.stream().filter(o -> o.sent().isAfter(recovered)))
                .as("requests sent after recovery")
                .isNotEmpty()
                .allMatch(Load.Outcome::signedIn);

        for (Load.User user : users) {
            for (LibertyNode node : nodes) {
                assertThat(Cluster.isSignedIn(node, user.token(), user.email()))
                        .as("%s still signed in on %s", user.email(), node.name())
                        .isTrue();
            }
        }
    }

    /** Waits until both nodes answer from the database again; the app is never restarted. */
    private static void awaitRecovery(List<LibertyNode> nodes, Load.User user) throws Exception {
        Instant deadline = Instant.now().plus(RECOVERY);
        for (LibertyNode node : nodes) {
            while (!Cluster.isSignedIn(node, user.token(), user.email())) {
                assertThat(Instant.now())
                        .as("%s answers again within %s s of the restart", node.name(), RECOVERY.toSeconds())
                        .isBefore(deadline);
                Waits.sleep(Duration.ofMillis(500));
            }
        }
    }
}
