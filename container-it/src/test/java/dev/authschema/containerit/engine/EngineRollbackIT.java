package dev.authschema.containerit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionUpdate;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's writes join the caller's JTA transaction ({@code ContainerJpaWork}'s {@code @Transactional(REQUIRED)}):
 * {@code AuthService}'s e-mail sign-in and password sign-up, and the adapter's own calls, inside a
 * {@code UserTransaction} that rolls back leave no row (read with JDBC on the deployment's data source); the same
 * call committed leaves its rows, so the reading is no blind spot.
 */
@ExtendWith(ArquillianExtension.class)
class EngineRollbackIT {

    private static final String NAME = "engine-rollback";

    @Inject
    AuthAdapter adapter;

    @Inject
    EngineRows rows;

    @Deployment
    static WebArchive deployment() {
        return EngineDeployment.of(NAME);
    }

    @Test
    void an_email_sign_in_in_a_transaction_that_rolls_back_leaves_no_verification_token() throws Exception {
        String email = address();
        int mailsBefore = EngineAuthConfig.SENT.size();

        Map<String, String> inside = action("signin", email, "rollback");

        assertThat(inside.get("redirect")).contains("/api/auth/verify-request");
        assertThat(inside).as("inside the transaction").containsEntry("inside.tokens", "1");
        assertThat(EngineAuthConfig.SENT.subList(mailsBefore, EngineAuthConfig.SENT.size()))
                .as("the mail went out before the rollback")
                .anySatisfy(mail -> assertThat(mail.to()).isEqualTo(email));
        assertThat(rows.verificationTokens(email))
                .as("tokens after the rollback")
                .isZero();
    }

    @Test
    void the_same_sign_in_committed_leaves_its_verification_token() throws Exception {
        String email = address();

        action("signin", email, "commit");

        assertThat(rows.verificationTokens(email)).as("tokens after the commit").isEqualTo(1);
    }

    @Test
    void a_password_sign_up_in_a_transaction_that_rolls_back_leaves_no_member_and_no_token() throws Exception {
        String email = address();

        Map<String, String> inside = action("signup", email, "rollback");

        assertThat(inside).as("inside the transaction").containsEntry("inside.members", "1");
        assertThat(rows.members(email)).as("members after the rollback").isZero();
        assertThat(rows.verificationTokens(email))
                .as("tokens after the rollback")
                .isZero();
    }

    @Test
    void the_adapters_own_writes_roll_back_with_the_callers_transaction() throws Exception {
        String email = address();
        String token = UUID.randomUUID().toString();
        UserTransaction transaction = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");

        transaction.begin();
        try {
            AdapterUser user = adapter.createUser(AdapterUser.of(null, "Rolled back", email, null, null));
            adapter.createSession(
                    AdapterSession.of(token, user.id(), Instant.now().plus(Duration.ofHours(1))));
            assertThat(rows.members(email)).as("members inside the transaction").isEqualTo(1);
            assertThat(rows.sessions(token))
                    .as("sessions inside the transaction")
                    .isEqualTo(1);
        } finally {
            transaction.rollback();
        }

        assertThat(rows.members(email)).isZero();
        assertThat(rows.sessions(token)).isZero();
        assertThat(adapter.getUserByEmail(email)).isEmpty();
    }

    /**
     * One persistence context over several calls: the session made in the caller's transaction is read back in it
     * with its user, and with its new user once {@code updateSession} changed the user id (the generated adapter used
     * to return the managed entity, whose relation to the user was unset, a {@code NullPointerException}, or still
     * the former user's).
     */
    @Test
    void a_session_made_in_the_callers_transaction_is_read_back_in_it_with_its_user() throws Exception {
        String email = address();
        String token = UUID.randomUUID().toString();
        UserTransaction transaction = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");

        transaction.begin();
        try {
            AdapterUser user = adapter.createUser(AdapterUser.of(null, "In one transaction", email, null, null));
            adapter.createSession(
                    AdapterSession.of(token, user.id(), Instant.now().plus(Duration.ofHours(1))));

            assertThat(adapter.getSessionAndUser(token))
                    .hasValueSatisfying(
                            found -> assertThat(found.user().email()).isEqualTo(email));

            String otherEmail = address();
            AdapterUser other = adapter.createUser(AdapterUser.of(null, "Other", otherEmail, null, null));
            adapter.updateSession(SessionUpdate.of(token).withUserId(other.id()));
            assertThat(adapter.getSessionAndUser(token))
                    .as("after the session was given to another user")
                    .hasValueSatisfying(
                            found -> assertThat(found.user().email()).isEqualTo(otherEmail));
        } finally {
            transaction.rollback();
        }
    }

    private static Map<String, String> action(String action, String email, String outcome) throws Exception {
        var response = SelfRequests.post("/engine/rollback?action=" + action + "&outcome=" + outcome + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(response.statusCode())
                .as("POST /engine/rollback: %s", response.body())
                .isEqualTo(200);
        return SelfRequests.lines(response);
    }

    private static String address() {
        return "rollback-" + UUID.randomUUID() + "@container-it.test";
    }
}
