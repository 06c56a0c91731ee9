package dev.authschema.demo.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInMethodsTest {

    @Test
    void the_only_linked_account_of_a_member_without_email_sign_in_stays() {
        assertThat(SignInMethods.canUnlinkOne(1, false)).isFalse();
    }

    @Test
    void a_linked_account_may_go_when_the_email_link_remains() {
        assertThat(SignInMethods.canUnlinkOne(1, true)).isTrue();
    }

    @Test
    void one_of_two_linked_accounts_may_go() {
        assertThat(SignInMethods.canUnlinkOne(2, false)).isTrue();
    }
}
