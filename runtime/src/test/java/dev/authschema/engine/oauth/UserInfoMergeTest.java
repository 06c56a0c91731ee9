package dev.authschema.engine.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the ID token's claims and the user info answer combine; above all, which {@code email_verified} counts. */
class UserInfoMergeTest {

    private static Map<String, Object> merged(Map<String, Object> idToken, Map<String, Object> userInfo) {
        Map<String, Object> claims = new LinkedHashMap<>(idToken);
        OAuthClient.mergeUserInfo(claims, userInfo);
        return claims;
    }

    @Test
    void an_id_token_that_vouches_for_no_address_does_not_verify_the_user_infos_address() {
        Map<String, Object> claims =
                merged(Map.of("sub", "1", "email_verified", true), Map.of("sub", "1", "email", "victim@example.com"));
        assertThat(claims).containsEntry("email", "victim@example.com").doesNotContainKey("email_verified");

        claims = merged(
                Map.of("sub", "1", "email_verified", true),
                Map.of("sub", "1", "email", "victim@example.com", "email_verified", false));
        assertThat(claims).containsEntry("email_verified", false);
    }

    @Test
    void the_id_tokens_address_keeps_its_own_verification() {
        Map<String, Object> claims = merged(
                Map.of("sub", "1", "email", "a@example.com", "email_verified", false),
                Map.of("sub", "1", "email", "b@example.com", "email_verified", true, "name", "Ann"));
        assertThat(claims)
                .containsEntry("email", "a@example.com")
                .containsEntry("email_verified", false)
                .containsEntry("name", "Ann");
    }

    @Test
    void an_address_only_in_user_info_brings_its_verification() {
        Map<String, Object> claims =
                merged(Map.of("sub", "1"), Map.of("sub", "1", "email", "a@example.com", "email_verified", true));
        assertThat(claims).containsEntry("email", "a@example.com").containsEntry("email_verified", true);
    }
}
