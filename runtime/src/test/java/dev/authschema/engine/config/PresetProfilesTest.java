package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each preset's profile mapping on an answer of the shape its provider documents (ID-token claims for the OpenID
 * Connect presets, the user-info JSON for the plain OAuth 2 ones), written from the providers' reference pages.
 */
class PresetProfilesTest {

    private static OAuthProfile map(OAuthProviderConfig preset, Map<String, Object> answer) {
        return preset.profileMapper().map(answer);
    }

    @Test
    void entra_id_trusts_its_email_claim_only_with_the_domain_owner_verified_claim() {
        Map<String, Object> token = new LinkedHashMap<>(Map.of(
                "sub",
                "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
                "oid",
                "00000000-0000-0000-66f3-3332eca7ea81",
                "name",
                "Abe Lincoln",
                "preferred_username",
                "abeli@microsoft.com",
                "email",
                "abeli@microsoft.com",
                "tid",
                "9122040d-6c67-4c5b-b112-36a304b66dad"));

        OAuthProfile unverified = map(Providers.microsoftEntraId("https://login.microsoftonline.com/t/v2.0"), token);
        token.put("xms_edov", true);
        OAuthProfile verified = map(Providers.microsoftEntraId(null), token);

        assertThat(unverified)
                .isEqualTo(new OAuthProfile(
                        "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
                        "Abe Lincoln",
                        "abeli@microsoft.com",
                        null,
                        Map.of(),
                        false));
        assertThat(verified.emailVerified()).isTrue();
    }

    @Test
    void entra_id_shows_the_preferred_username_as_the_address_but_never_verifies_it() {
        OAuthProfile profile = map(
                Providers.microsoftEntraId(null),
                Map.of("sub", "s1", "preferred_username", "abeli@contoso.com", "xms_edov", true));

        assertThat(profile.email()).isEqualTo("abeli@contoso.com");
        assertThat(profile.emailVerified()).isFalse();
    }

    @Test
    void apple_takes_sub_and_the_relay_address_and_reads_its_string_email_verified() {
        OAuthProfile profile = map(
                Providers.apple((clientId, now) -> "jwt"),
                Map.of(
                        "iss",
                        "https://appleid.apple.com",
                        "aud",
                        "com.example.web",
                        "sub",
                        "001234.abcdef0123456789.0123",
                        "email",
                        "x7k2@privaterelay.appleid.com",
                        "email_verified",
                        "true",
                        "is_private_email",
                        "true",
                        "auth_time",
                        1700000000,
                        "nonce_supported",
                        true));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "001234.abcdef0123456789.0123", null, "x7k2@privaterelay.appleid.com", null, Map.of(), true));
        assertThat(map(
                                Providers.apple((clientId, now) -> "jwt"),
                                Map.of("sub", "1", "email", "a@b.example", "email_verified", "false"))
                        .emailVerified())
                .isFalse();
    }

    @Test
    void apple_asks_for_a_form_post_and_signs_its_client_secret() {
        OAuthProviderConfig apple = Providers.apple((clientId, now) -> "jwt");

        assertThat(apple.authorizationParameters()).containsEntry("response_mode", "form_post");
        assertThat(apple.scopes()).containsExactly("openid", "email", "name");
        assertThat(apple.clientSecretSigner()).isNotNull();
        assertThat(apple.clientAuthentication()).isEqualTo(ClientAuthentication.CLIENT_SECRET_POST);
    }

    @Test
    void gitlab_falls_back_to_the_nickname_and_keeps_its_verified_address() {
        OAuthProfile profile = map(
                Providers.gitLab(),
                Map.of(
                        "sub",
                        "1234567",
                        "nickname",
                        "jdoe",
                        "email",
                        "jdoe@example.com",
                        "email_verified",
                        true,
                        "picture",
                        "https://gitlab.com/uploads/-/system/user/avatar/1234567/avatar.png",
                        "groups",
                        List.of("acme")));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "1234567",
                        "jdoe",
                        "jdoe@example.com",
                        "https://gitlab.com/uploads/-/system/user/avatar/1234567/avatar.png",
                        Map.of(),
                        true));
    }

    @Test
    void discord_builds_the_avatar_url_from_its_hash_and_reads_verified() {
        OAuthProfile profile = map(
                Providers.discord(),
                Map.of(
                        "id",
                        "80351110224678912",
                        "username",
                        "nelly",
                        "global_name",
                        "Nelly",
                        "discriminator",
                        "0",
                        "avatar",
                        "8342729096ea3675442027381ff50dfe",
                        "email",
                        "nelly@discord.com",
                        "verified",
                        true,
                        "mfa_enabled",
                        false));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "80351110224678912",
                        "Nelly",
                        "nelly@discord.com",
                        "https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png",
                        Map.of(),
                        true));
    }

    @Test
    void discord_animated_and_default_avatars_follow_discord_s_rules() {
        assertThat(map(
                                Providers.discord(),
                                Map.of(
                                        "id",
                                        "80351110224678912",
                                        "username",
                                        "nelly",
                                        "avatar",
                                        "a_1269e74af4df7417b13759eae50c83dc"))
                        .image())
                .endsWith("/a_1269e74af4df7417b13759eae50c83dc.gif");
        // New usernames (discriminator "0"): (id >> 22) % 6; legacy ones: discriminator % 5.
        assertThat(map(
                                Providers.discord(),
                                Map.of("id", "80351110224678912", "username", "nelly", "discriminator", "0"))
                        .image())
                .isEqualTo("https://cdn.discordapp.com/embed/avatars/" + ((80351110224678912L >> 22) % 6) + ".png");
        assertThat(map(Providers.discord(), Map.of("id", "1", "username", "old", "discriminator", "1337"))
                        .image())
                .isEqualTo("https://cdn.discordapp.com/embed/avatars/2.png");
        assertThat(map(
                        Providers.discord(),
                        Map.of("id", "1", "username", "old", "email", "o@example.com", "verified", false)))
                .extracting(OAuthProfile::name, OAuthProfile::emailVerified)
                .containsExactly("old", false);
    }

    @Test
    void keycloak_okta_zitadel_and_authentik_map_the_standard_claims_with_the_username_as_fallback_name() {
        Map<String, Object> token = Map.of(
                "sub",
                "f:2b6a:jdoe",
                "preferred_username",
                "jdoe",
                "email",
                "jdoe@example.com",
                "email_verified",
                true,
                "given_name",
                "John");
        for (OAuthProviderConfig preset : List.of(
                Providers.keycloak(null),
                Providers.okta(null),
                Providers.zitadel(null),
                Providers.authentik(null),
                Providers.auth0(null))) {
            assertThat(map(preset, token))
                    .as(preset.id())
                    .isEqualTo(new OAuthProfile("f:2b6a:jdoe", "jdoe", "jdoe@example.com", null, Map.of(), true));
        }
        assertThat(map(Providers.keycloak(null), Map.of("sub", "1", "name", "John Doe", "preferred_username", "jdoe"))
                        .name())
                .isEqualTo("John Doe");
    }

    @Test
    void auth0_keeps_the_connection_prefixed_sub_and_its_picture() {
        OAuthProfile profile = map(
                Providers.auth0("https://tenant.auth0.com/"),
                Map.of(
                        "sub",
                        "auth0|5f7c8ec7c33c6c004bbafe82",
                        "nickname",
                        "jdoe",
                        "name",
                        "jdoe@example.com",
                        "picture",
                        "https://s.gravatar.com/avatar/abc.png",
                        "email",
                        "jdoe@example.com",
                        "email_verified",
                        false));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "auth0|5f7c8ec7c33c6c004bbafe82",
                        "jdoe@example.com",
                        "jdoe@example.com",
                        "https://s.gravatar.com/avatar/abc.png",
                        Map.of(),
                        false));
    }

    @Test
    void slack_takes_its_namespaced_image_when_there_is_no_picture() {
        OAuthProfile profile = map(
                Providers.slack(),
                Map.of(
                        "sub",
                        "U0R7JM",
                        "https://slack.com/user_id",
                        "U0R7JM",
                        "https://slack.com/team_id",
                        "T0R7GR",
                        "email",
                        "krane@slack-corp.com",
                        "email_verified",
                        true,
                        "name",
                        "krane",
                        "https://slack.com/user_image_512",
                        "https://secure.gravatar.com/avatar/512.png"));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "U0R7JM",
                        "krane",
                        "krane@slack-corp.com",
                        "https://secure.gravatar.com/avatar/512.png",
                        Map.of(),
                        true));
    }

    @Test
    void facebook_reads_the_nested_picture_and_never_verifies_the_address() {
        OAuthProfile profile = map(
                Providers.facebook(),
                Map.of(
                        "id",
                        "10224242424242424",
                        "name",
                        "Jane Doe",
                        "email",
                        "jane@example.com",
                        "picture",
                        Map.of(
                                "data",
                                Map.of(
                                        "height",
                                        50,
                                        "is_silhouette",
                                        false,
                                        "url",
                                        "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1",
                                        "width",
                                        50))));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "10224242424242424",
                        "Jane Doe",
                        "jane@example.com",
                        "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1",
                        Map.of(),
                        false));
    }

    @Test
    void linkedin_maps_its_openid_userinfo() {
        OAuthProfile profile = map(
                Providers.linkedIn(),
                Map.of(
                        "sub",
                        "782bbtaQ",
                        "name",
                        "John Doe",
                        "given_name",
                        "John",
                        "family_name",
                        "Doe",
                        "picture",
                        "https://media.licdn.com/dms/image/C5F03/x",
                        "locale",
                        "en-US",
                        "email",
                        "doe@email.com",
                        "email_verified",
                        true));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "782bbtaQ",
                        "John Doe",
                        "doe@email.com",
                        "https://media.licdn.com/dms/image/C5F03/x",
                        Map.of(),
                        true));
    }

    @Test
    void twitch_asks_for_its_claims_and_names_the_user_by_login() {
        OAuthProfile profile = map(
                Providers.twitch(),
                Map.of(
                        "aud",
                        "hof5gwx0su6owfnys0yan9c87zr6t",
                        "iss",
                        "https://id.twitch.tv/oauth2",
                        "sub",
                        "713936733",
                        "preferred_username",
                        "twitchdev",
                        "email",
                        "dev@twitch.example",
                        "email_verified",
                        true,
                        "picture",
                        "https://static-cdn.jtvnw.net/jtv_user_pictures/x-profile_image-300x300.png"));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "713936733",
                        "twitchdev",
                        "dev@twitch.example",
                        "https://static-cdn.jtvnw.net/jtv_user_pictures/x-profile_image-300x300.png",
                        Map.of(),
                        true));
        assertThat(Providers.twitch().authorizationParameters().get("claims"))
                .contains("\"email\":null", "\"email_verified\":null", "\"preferred_username\":null");
    }

    @Test
    void bitbucket_keeps_the_braced_uuid_and_the_avatar_link_and_no_address() {
        OAuthProfile profile = map(
                Providers.bitbucket(),
                Map.of(
                        "uuid",
                        "{d301aafa-d676-4ee0-88be-962be7417567}",
                        "account_id",
                        "557058:c0b72ad0",
                        "username",
                        "evzijst",
                        "display_name",
                        "Erik van Zijst",
                        "links",
                        Map.of("avatar", Map.of("href", "https://bitbucket.org/account/evzijst/avatar/32/"))));

        assertThat(profile)
                .isEqualTo(new OAuthProfile(
                        "{d301aafa-d676-4ee0-88be-962be7417567}",
                        "Erik van Zijst",
                        null,
                        "https://bitbucket.org/account/evzijst/avatar/32/",
                        Map.of(),
                        false));
    }

    @Test
    void a_generic_discovery_provider_maps_the_standard_claims() {
        assertThat(map(
                        Providers.openIdConnect("corp", "Corp SSO", "https://sso.example.com"),
                        Map.of("sub", "7", "name", "Ann", "email", "ann@example.com", "email_verified", "true")))
                .isEqualTo(new OAuthProfile("7", "Ann", "ann@example.com", null, Map.of(), true));
    }

    @Test
    void every_preset_refuses_an_answer_without_its_account_id() {
        for (OAuthProviderConfig preset : List.of(
                Providers.microsoftEntraId(null),
                Providers.apple((clientId, now) -> "jwt"),
                Providers.gitLab(),
                Providers.discord(),
                Providers.keycloak(null),
                Providers.slack(),
                Providers.facebook(),
                Providers.linkedIn(),
                Providers.twitch(),
                Providers.bitbucket())) {
            assertThatThrownBy(() -> map(preset, Map.of("email", "a@example.com", "email_verified", true)))
                    .as(preset.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("claim");
        }
    }

    @Test
    void every_preset_has_a_distinct_id_that_names_its_environment_variables() {
        List<OAuthProviderConfig> presets = List.of(
                Providers.microsoftEntraId(null),
                Providers.apple((clientId, now) -> "jwt"),
                Providers.gitLab(),
                Providers.discord(),
                Providers.keycloak(null),
                Providers.okta(null),
                Providers.auth0(null),
                Providers.slack(),
                Providers.facebook(),
                Providers.linkedIn(),
                Providers.twitch(),
                Providers.bitbucket(),
                Providers.zitadel(null),
                Providers.authentik(null));

        assertThat(presets)
                .extracting(OAuthProviderConfig::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9-]+"));
        assertThat(Providers.microsoftEntraId(null).environmentPrefix()).isEqualTo("AUTH_MICROSOFT_ENTRA_ID");
    }
}
