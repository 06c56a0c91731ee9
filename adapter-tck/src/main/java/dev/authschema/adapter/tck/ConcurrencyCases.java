package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.AdapterCapability.VERIFICATION_TOKENS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many threads at once on the same rows, as when a mail scanner and the user open a sign-in link together, or one
 * user signs in from many tabs. Each case runs its threads through a {@link Race}.
 */
public interface ConcurrencyCases extends ConformanceCases {

    /** Threads in each race. */
    int CONTENDERS = 16;

    /** Races of {@code useVerificationToken}: a lost race is rare, so it is tried many times. */
    int TOKEN_ROUNDS = 200;

    /**
     * {@value #CONTENDERS} threads use the same token at once, {@value #TOKEN_ROUNDS} times: each time exactly one
     * gets it.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(VERIFICATION_TOKENS)
    default void use_verification_token_has_exactly_one_winner_among_concurrent_callers() {
        AuthAdapter adapter = context().adapter();
        try (Race race = new Race(CONTENDERS)) {
            for (int round = 1; round <= TOKEN_ROUNDS; round++) {
                VerificationToken token =
                        adapter.createVerificationToken(context().fixtures().verificationToken());

                List<Optional<VerificationToken>> results =
                        race.run(() -> adapter.useVerificationToken(token.identifier(), token.token()));

                assertThat(results.stream().filter(Optional::isPresent).count())
                        .as("callers that got the token in round %d of %d", round, TOKEN_ROUNDS)
                        .isEqualTo(1);
                assertThat(context().db().verificationToken(token.identifier(), token.token()))
                        .as("token row after round %d", round)
                        .isEmpty();
            }
        }
    }

    /**
     * {@value #CONTENDERS} sessions of one user created at once are all stored and readable.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void concurrent_sessions_of_one_user_are_all_kept() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        List<AdapterSession> sessions;
        try (Race race = new Race(CONTENDERS)) {
            sessions = race.run(() -> adapter.createSession(context().fixtures().session(user.id())));
        }

        assertThat(sessions)
                .extracting(AdapterSession::sessionToken)
                .doesNotHaveDuplicates()
                .hasSize(CONTENDERS);
        for (AdapterSession session : sessions) {
            assertHolds(context().db().session(session.sessionToken()), session, "session created concurrently");
            assertThat(adapter.getSessionAndUser(session.sessionToken()))
                    .as("getSessionAndUser")
                    .isPresent();
        }
    }
}
