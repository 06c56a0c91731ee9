package dev.authschema.engine.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountLinkingTest {

    private static final AdapterUser ANN = AdapterUser.of("ann", "Ann", "ann@example.com", null, null);
    private static final AdapterUser BOB = AdapterUser.of("bob", "Bob", "bob@example.com", null, null);
    private static final Optional<AdapterUser> NONE = Optional.empty();

    @Test
    void a_known_account_signs_in_its_owner() {
        assertThat(AccountLinking.decide(Optional.of(ANN), NONE, NONE, true, false))
                .isEqualTo(new AccountLinking.SignInOwner(ANN));
        assertThat(AccountLinking.decide(Optional.of(ANN), Optional.of(ANN), NONE, true, false))
                .isEqualTo(new AccountLinking.SignInOwner(ANN));
    }

    @Test
    void a_known_account_of_another_user_is_not_linked_to_the_signed_in_one() {
        assertThatThrownBy(() -> AccountLinking.decide(Optional.of(ANN), Optional.of(BOB), NONE, true, true))
                .isInstanceOfSatisfying(
                        AuthFlowException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthErrorCode.OAuthAccountNotLinked));
    }

    @Test
    void a_new_account_is_linked_to_the_signed_in_user() {
        assertThat(AccountLinking.decide(NONE, Optional.of(BOB), Optional.of(ANN), true, false))
                .isEqualTo(new AccountLinking.LinkToSignedInUser(BOB));
    }

    @Test
    void same_email_links_only_when_the_provider_allows_it() {
        assertThat(AccountLinking.decide(NONE, NONE, Optional.of(ANN), true, true))
                .isEqualTo(new AccountLinking.LinkToEmailOwner(ANN));
        assertThatThrownBy(() -> AccountLinking.decide(NONE, NONE, Optional.of(ANN), true, false))
                .isInstanceOfSatisfying(
                        AuthFlowException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthErrorCode.OAuthAccountNotLinked));
    }

    @Test
    void an_unverified_address_matches_nobody_even_when_the_provider_allows_linking_by_address() {
        assertThat(AccountLinking.decide(NONE, NONE, Optional.of(ANN), false, true))
                .isEqualTo(new AccountLinking.CreateUser());
        assertThat(AccountLinking.decide(NONE, NONE, Optional.of(ANN), false, false))
                .isEqualTo(new AccountLinking.CreateUser());
        assertThat(AccountLinking.decide(NONE, Optional.of(BOB), Optional.of(ANN), false, true))
                .isEqualTo(new AccountLinking.LinkToSignedInUser(BOB));
    }

    @Test
    void otherwise_a_user_is_created() {
        assertThat(AccountLinking.decide(NONE, NONE, NONE, true, false)).isEqualTo(new AccountLinking.CreateUser());
    }
}
