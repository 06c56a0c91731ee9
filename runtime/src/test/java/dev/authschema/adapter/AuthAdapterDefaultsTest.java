package dev.authschema.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthAdapterDefaultsTest {

    /** Implements only the user methods, as an adapter over a schema with just a User model would. */
    static final class UsersOnlyAdapter implements AuthAdapter {
        @Override
        public Set<AdapterCapability> capabilities() {
            return EnumSet.of(AdapterCapability.USERS);
        }

        @Override
        public AdapterUser createUser(AdapterUser user) {
            return user;
        }

        @Override
        public Optional<AdapterUser> getUser(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<AdapterUser> getUserByEmail(String email) {
            return Optional.empty();
        }

        @Override
        public AdapterUser updateUser(UserUpdate update) {
            throw new AdapterException("no user " + update.userId());
        }

        @Override
        public void deleteUser(String id) {}
    }

    private final AuthAdapter adapter = new UsersOnlyAdapter();

    @Test
    void a_method_of_a_missing_capability_names_the_capability_and_the_method() {
        assertThatThrownBy(() -> adapter.createSession(AdapterSession.of("t", "u", Instant.EPOCH)))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("SESSIONS")
                .hasMessageContaining("createSession")
                .hasMessageContaining(UsersOnlyAdapter.class.getName())
                .satisfies(e -> assertThat(((UnsupportedCapabilityException) e).missing())
                        .containsExactly(AdapterCapability.SESSIONS));
    }

    @Test
    void every_optional_method_throws_by_default() {
        assertThatThrownBy(() -> adapter.getUserByAccount("p", "1")).hasMessageContaining("ACCOUNTS");
        assertThatThrownBy(() -> adapter.linkAccount(AdapterAccount.of("u", "oauth", "p", "1")))
                .hasMessageContaining("ACCOUNTS");
        assertThatThrownBy(() -> adapter.unlinkAccount("p", "1")).hasMessageContaining("ACCOUNTS");
        assertThatThrownBy(() -> adapter.getAccount("1", "p")).hasMessageContaining("ACCOUNTS");
        assertThatThrownBy(() -> adapter.getSessionAndUser("t")).hasMessageContaining("SESSIONS");
        assertThatThrownBy(() -> adapter.updateSession(SessionUpdate.of("t"))).hasMessageContaining("SESSIONS");
        assertThatThrownBy(() -> adapter.deleteSession("t")).hasMessageContaining("SESSIONS");
        assertThatThrownBy(() -> adapter.createVerificationToken(new VerificationToken("i", "t", Instant.EPOCH)))
                .hasMessageContaining("VERIFICATION_TOKENS");
        assertThatThrownBy(() -> adapter.useVerificationToken("i", "t")).hasMessageContaining("VERIFICATION_TOKENS");
        assertThatThrownBy(() -> adapter.getAuthenticator("c")).hasMessageContaining("AUTHENTICATORS");
        assertThatThrownBy(() -> adapter.listAuthenticatorsByUserId("u")).hasMessageContaining("AUTHENTICATORS");
        assertThatThrownBy(() -> adapter.updateAuthenticatorCounter("c", 1)).hasMessageContaining("AUTHENTICATORS");
        assertThatThrownBy(() -> adapter.hitRateLimit("k", Instant.EPOCH, java.time.Duration.ofSeconds(1), 1))
                .hasMessageContaining("RATE_LIMITS");
        assertThatThrownBy(() -> adapter.deleteRateLimitsBefore(Instant.EPOCH, 1))
                .hasMessageContaining("RATE_LIMITS");
        assertThatThrownBy(() -> adapter.createAuthenticator(
                        new AdapterAuthenticator("c", "u", "p", "k", 0, "singleDevice", false, null)))
                .isInstanceOf(UnsupportedCapabilityException.class);
    }

    @Test
    void require_capabilities_names_every_missing_one() {
        assertThatThrownBy(() -> adapter.requireCapabilities(List.of(
                        AdapterCapability.USERS, AdapterCapability.SESSIONS, AdapterCapability.VERIFICATION_TOKENS)))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("SESSIONS")
                .hasMessageContaining("VERIFICATION_TOKENS")
                .hasMessageContaining("the configuration")
                .satisfies(e -> assertThat(((UnsupportedCapabilityException) e).missing())
                        .containsExactly(AdapterCapability.SESSIONS, AdapterCapability.VERIFICATION_TOKENS));
    }

    @Test
    void require_capabilities_accepts_what_is_supported() {
        assertThatCode(() -> adapter.requireCapabilities(List.of(AdapterCapability.USERS)))
                .doesNotThrowAnyException();
        assertThatCode(() -> adapter.requireCapabilities(List.of())).doesNotThrowAnyException();
    }

    @Test
    void duplicate_account_message_names_the_provider_and_keeps_the_account_id_out_of_the_log() {
        DuplicateAccountException duplicate = new DuplicateAccountException("github", "12345", null);

        assertThat(duplicate)
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("github")
                .hasMessageNotContaining("12345");
        assertThat(duplicate.provider()).isEqualTo("github");
        assertThat(duplicate.providerAccountId()).isEqualTo("12345");
    }
}
