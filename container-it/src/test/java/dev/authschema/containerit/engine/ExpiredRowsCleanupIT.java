package dev.authschema.containerit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The clean-up of expired rows ({@code ExpiredRowsCleanup}) on the server's
 * {@code java:comp/DefaultManagedScheduledExecutorService} (Liberty's {@code concurrent-3.0}), every second in this
 * deployment ({@code cleanupInterval}, {@code cleanupFirstDelay}): expired sessions and verification tokens written
 * through the adapter disappear without any request reading them, within a few passes, and the live ones stay.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiredRowsCleanupIT {

    private static final String NAME = "engine-cleanup";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AuthAdapter adapter;

    @Inject
    EngineRows rows;

    @Deployment
    static WebArchive deployment() {
        return EngineDeployment.of(NAME);
    }

    @Test
    void the_server_has_the_default_managed_scheduled_executor_the_clean_up_runs_on() throws Exception {
        Object executor = new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService");

        assertThat(executor).isInstanceOf(ManagedScheduledExecutorService.class);
    }

    @Test
    void the_timer_deletes_expired_sessions_and_verification_tokens_and_keeps_live_ones() throws Exception {
        String email = "cleanup-" + UUID.randomUUID() + "@container-it.test";
        AdapterUser user = adapter.createUser(AdapterUser.of(null, "Cleanup", email, null, null));
        String expiredSession = "expired-" + UUID.randomUUID();
        String liveSession = "live-" + UUID.randomUUID();
        Instant now = Instant.now();
        adapter.createSession(AdapterSession.of(expiredSession, user.id(), now.minus(Duration.ofMinutes(1))));
        adapter.createSession(AdapterSession.of(liveSession, user.id(), now.plus(Duration.ofHours(1))));
        adapter.createVerificationToken(
                new VerificationToken(email, "expired-" + UUID.randomUUID(), now.minus(Duration.ofMinutes(1))));
        String liveIdentifier = "live-" + email;
        adapter.createVerificationToken(
                new VerificationToken(liveIdentifier, "live-" + UUID.randomUUID(), now.plus(Duration.ofHours(1))));

        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((rows.sessions(expiredSession) > 0 || rows.verificationTokens(email) > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertThat(rows.sessions(expiredSession))
                .as("the expired session, %s after it was written", WAIT)
                .isZero();
        assertThat(rows.verificationTokens(email))
                .as("the expired token, %s after it was written", WAIT)
                .isZero();
        assertThat(rows.sessions(liveSession)).as("the live session").isEqualTo(1);
        assertThat(rows.verificationTokens(liveIdentifier)).as("the live token").isEqualTo(1);
    }
}
