package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One node dies mid-load (SIGKILL, as a crash): the other serves every session. Last, as B stays dead. */
@Order(4)
@ExtendWith(Cluster.class)
class NodeKillIT {

    @Test
    void when_one_node_is_killed_the_other_serves_every_session() throws Exception {
        List<Load.User> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = Cluster.uniqueEmail("kill" + i);
            users.add(new Load.User(Cluster.signIn(i % 2 == 0 ? Cluster.a() : Cluster.b(), email), email));
        }

        Instant killed;
        List<Load.Outcome> outcomes;
        try (Load load = new Load(List.of(Cluster.a(), Cluster.b()), users, 2, Duration.ofSeconds(60))) {
            Waits.sleep(Duration.ofSeconds(4));
            killed = Instant.now();
            Cluster.b().killHard();
            Waits.sleep(Duration.ofSeconds(8));
            load.stop();
            outcomes = load.outcomes();
        }

        List<Load.Outcome> onA =
                outcomes.stream().filter(o -> o.node() == Cluster.a()).toList();
        assertThat(onA)
                .as("A before and after B died")
                .isNotEmpty()
                .anyMatch(o -> o.at().isAfter(killed.plusSeconds(2)))
                .allMatch(Load.Outcome::signedIn);
        assertThat(outcomes.stream().filter(o -> o.node() == Cluster.b() && o.at().isBefore(killed)))
                .isNotEmpty()
                .allMatch(Load.Outcome::signedIn);
        assertThat(outcomes.stream().filter(o -> o.node() == Cluster.b() && o.at().isAfter(killed.plusSeconds(2))))
                .as("B is really gone")
                .isNotEmpty()
                .allMatch(o -> o.status() == -1);
        for (Load.User user : users) {
            assertThat(Cluster.isSignedIn(Cluster.a(), user.token(), user.email()))
                    .as("%s on A", user.email())
                    .isTrue();
        }
    }
}
