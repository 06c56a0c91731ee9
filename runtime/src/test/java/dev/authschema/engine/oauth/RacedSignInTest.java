package dev.authschema.engine.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.config.OAuthProfile;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two sign-ins of one person race: the other one stores the address or the account between this one's lookups and
 * its writes, and the adapter refuses this one's write with the typed exception. The sign-in then ends as Auth.js's
 * rules say it would have had the other one finished first.
 */
class RacedSignInTest {

    private static final OAuthClient.Result RESULT = new OAuthClient.Result(
            new OAuthProfile("sub-1", "Ann", "ann@example.com", null, Map.of(), true),
            Map.of(),
            new AccountTokens("access", null, null, "bearer", "openid", null));

    /** Runs {@code rival} once, just before this sign-in's first write of the kind: the lost race. */
    private static final class RacingAdapter extends InMemoryAdapter {
        private Runnable beforeCreateUser = () -> {};
        private Runnable beforeLinkAccount = () -> {};

        @Override
        public AdapterUser createUser(AdapterUser user) {
            Runnable rival = beforeCreateUser;
            beforeCreateUser = () -> {};
            rival.run();
            return super.createUser(user);
        }

        @Override
        public AdapterAccount linkAccount(AdapterAccount account) {
            Runnable rival = beforeLinkAccount;
            beforeLinkAccount = () -> {};
            rival.run();
            return super.linkAccount(account);
        }
    }

    private final RacingAdapter adapter = new RacingAdapter();

    private OAuthSignIn.Outcome signIn(boolean allowEmailLinking) {
        OAuthProviderConfig provider =
                OAuthProviderConfig.oauth2("mock").withAllowDangerousEmailAccountLinking(allowEmailLinking);
        return new OAuthSignIn(
                        adapter,
                        (user, account, profile, id) -> true,
                        new AuthEvents() {},
                        new FlowLog(false),
                        Clock.systemUTC())
                .complete(provider, RESULT, Optional.empty());
    }

    private AdapterUser rivalWithTheAccount() {
        AdapterUser rival =
                adapter.createUser(new AdapterUser("rival", "Ann", "ann@example.com", null, null, Map.of()));
        adapter.linkAccount(new AdapterAccount(
                rival.id(), "oauth", "mock", "sub-1", null, "access", null, "bearer", null, null, null, Map.of()));
        return rival;
    }

    @Test
    void a_user_created_with_the_address_meanwhile_is_o_auth_account_not_linked_without_dangerous_linking() {
        adapter.beforeCreateUser = () ->
                adapter.createUser(new AdapterUser("email-owner", "Ann", "ann@example.com", null, null, Map.of()));

        assertThatThrownBy(() -> signIn(false))
                .isInstanceOfSatisfying(
                        AuthFlowException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthErrorCode.OAuthAccountNotLinked));
        assertThat(adapter.getUserByAccount("mock", "sub-1"))
                .as("no account linked")
                .isEmpty();
    }

    @Test
    void a_user_created_with_the_address_meanwhile_gets_the_account_with_dangerous_linking() {
        adapter.beforeCreateUser = () ->
                adapter.createUser(new AdapterUser("email-owner", "Ann", "ann@example.com", null, null, Map.of()));

        OAuthSignIn.Outcome outcome = signIn(true);

        assertThat(outcome.user().id()).isEqualTo("email-owner");
        assertThat(outcome.isNewUser()).isFalse();
        assertThat(adapter.getUserByAccount("mock", "sub-1"))
                .map(AdapterUser::id)
                .contains("email-owner");
    }

    @Test
    void an_account_linked_meanwhile_signs_in_its_owner_and_the_user_created_for_it_goes_again() {
        String[] rival = new String[1];
        adapter.beforeLinkAccount = () -> {
            // the rival stored its user under another address first, then linked the account
            AdapterUser owner = adapter.createUser(new AdapterUser("rival", "Ann", null, null, null, Map.of()));
            adapter.linkAccount(new AdapterAccount(
                    owner.id(), "oauth", "mock", "sub-1", null, "access", null, "bearer", null, null, null, Map.of()));
            rival[0] = owner.id();
        };

        OAuthSignIn.Outcome outcome = signIn(false);

        assertThat(outcome.user().id()).isEqualTo(rival[0]);
        assertThat(outcome.isNewUser()).isFalse();
        assertThat(adapter.getUserByEmail("ann@example.com"))
                .as("the user created for the lost link")
                .isEmpty();
    }

    @Test
    void a_rival_that_linked_the_account_to_the_user_this_sign_in_created_keeps_it_and_its_session() {
        String[] session = new String[1];
        adapter.beforeLinkAccount = () -> {
            // the rival found this sign-in's new user by the address (dangerous linking), linked and signed in
            AdapterUser created = adapter.getUserByEmail("ann@example.com").orElseThrow();
            adapter.linkAccount(new AdapterAccount(
                    created.id(),
                    "oauth",
                    "mock",
                    "sub-1",
                    null,
                    "access",
                    null,
                    "bearer",
                    null,
                    null,
                    null,
                    Map.of()));
            session[0] = adapter.createSession(new AdapterSession(
                            "rival-session", created.id(), Instant.now().plusSeconds(3600), Map.of()))
                    .sessionToken();
        };

        OAuthSignIn.Outcome outcome = signIn(true);

        AdapterUser owner = adapter.getUserByAccount("mock", "sub-1").orElseThrow();
        assertThat(outcome.user().id())
                .as("signed in to the user the account is linked to")
                .isEqualTo(owner.id());
        assertThat(adapter.getUserByEmail("ann@example.com"))
                .map(AdapterUser::id)
                .contains(owner.id());
        assertThat(adapter.getSessionAndUser(session[0]))
                .as("the rival's session")
                .isPresent();
    }

    @Test
    void without_a_race_the_accounts_owner_is_signed_in() {
        AdapterUser owner = rivalWithTheAccount();

        assertThat(signIn(false).user().id()).isEqualTo(owner.id());
    }
}
