package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OpenID Connect preset signs in end to end against mock-oauth2-server playing that provider: the issuer is the
 * preset's id at the test provider, the ID token carries the claims under the names that provider uses (Apple's
 * string {@code email_verified}, Entra's {@code xms_edov}, Slack's namespaced image, Twitch's login name, ...), and
 * the user the engine creates has what the preset's profile mapping makes of them. Apple answers with a form post
 * ({@code response_mode=form_post}), which the engine sends on as a GET so that the flow's SameSite=Lax cookies come
 * along; that a cross-site post carries no cookie, and that a forged one signs nobody in, is checked too.
 */
@ExtendWith(ItServers.class)
class PresetSignInIT {

    /** The client id of every preset at the test provider ({@code PresetProviders.CLIENT_ID} of the app). */
    static final String CLIENT_ID = "preset-client";

    /** The presets the app configures against the test provider. */
    static final List<String> PRESET_IDS = List.of(
            "microsoft-entra-id",
            "apple",
            "gitlab",
            "keycloak",
            "okta",
            "auth0",
            "slack",
            "linkedin",
            "twitch",
            "zitadel",
            "authentik",
            "corp-sso");

    private static final Pattern HIDDEN = Pattern.compile("name=\"(code|state)\" value=\"([^\"]*)\"");

    /**
     * One provider's answer and what the user must get from it.
     *
     * @param preset   the provider id
     * @param claims   the ID token's claims besides {@code sub} (an e-mail claim of {@code EMAIL} is replaced by a
     *                 fresh address)
     * @param name     the expected user name, or {@code null}
     * @param image    the expected picture, or {@code null}
     * @param verified whether the address is expected to count as verified
     */
    record Case(String preset, Map<String, Object> claims, String name, String image, boolean verified) {

        @Override
        public String toString() {
            return preset;
        }
    }

    private static final String EMAIL = "<email>";

    static Stream<Case> presets() {
        String picture = "https://images.example/avatar.png";
        return Stream.of(
                new Case(
                        "microsoft-entra-id",
                        Map.of(
                                "name",
                                "Abe Lincoln",
                                "preferred_username",
                                EMAIL,
                                "email",
                                EMAIL,
                                "xms_edov",
                                true,
                                "oid",
                                "00000000-0000-0000-66f3-3332eca7ea81",
                                "tid",
                                "9122040d-6c67-4c5b-b112-36a304b66dad"),
                        "Abe Lincoln",
                        null,
                        true),
                new Case(
                        "apple",
                        Map.of("email", EMAIL, "email_verified", "true", "is_private_email", "false"),
                        null,
                        null,
                        true),
                new Case(
                        "gitlab",
                        Map.of(
                                "nickname",
                                "jdoe",
                                "email",
                                EMAIL,
                                "email_verified",
                                true,
                                "picture",
                                picture,
                                "groups",
                                List.of("acme")),
                        "jdoe",
                        picture,
                        true),
                new Case(
                        "keycloak",
                        Map.of(
                                "preferred_username",
                                "kc-user",
                                "given_name",
                                "Kay",
                                "email",
                                EMAIL,
                                "email_verified",
                                true),
                        "kc-user",
                        null,
                        true),
                new Case(
                        "okta",
                        Map.of(
                                "name",
                                "Okta User",
                                "preferred_username",
                                EMAIL,
                                "email",
                                EMAIL,
                                "email_verified",
                                true),
                        "Okta User",
                        null,
                        true),
                new Case(
                        "auth0",
                        Map.of(
                                "nickname",
                                "a0",
                                "name",
                                "Auth Zero",
                                "picture",
                                picture,
                                "email",
                                EMAIL,
                                "email_verified",
                                false),
                        "Auth Zero",
                        picture,
                        false),
                new Case(
                        "slack",
                        Map.of(
                                "name",
                                "krane",
                                "email",
                                EMAIL,
                                "email_verified",
                                true,
                                "https://slack.com/team_id",
                                "T0R7GR",
                                "https://slack.com/user_image_512",
                                picture),
                        "krane",
                        picture,
                        true),
                new Case(
                        "linkedin",
                        Map.of(
                                "name",
                                "John Doe",
                                "given_name",
                                "John",
                                "family_name",
                                "Doe",
                                "picture",
                                picture,
                                "locale",
                                "en-US",
                                "email",
                                EMAIL,
                                "email_verified",
                                true),
                        "John Doe",
                        picture,
                        true),
                new Case(
                        "twitch",
                        Map.of(
                                "preferred_username",
                                "twitchdev",
                                "email",
                                EMAIL,
                                "email_verified",
                                true,
                                "picture",
                                picture),
                        "twitchdev",
                        picture,
                        true),
                new Case(
                        "zitadel",
                        Map.of(
                                "name",
                                "Zita Del",
                                "preferred_username",
                                "zita",
                                "email",
                                EMAIL,
                                "email_verified",
                                true),
                        "Zita Del",
                        null,
                        true),
                new Case(
                        "authentik",
                        Map.of(
                                "preferred_username",
                                "ak-user",
                                "nickname",
                                "ak-user",
                                "email",
                                EMAIL,
                                "email_verified",
                                true,
                                "groups",
                                List.of("admins")),
                        "ak-user",
                        null,
                        true),
                new Case(
                        "corp-sso",
                        Map.of("name", "Corp User", "email", EMAIL, "email_verified", "true"),
                        "Corp User",
                        null,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void each_oidc_preset_signs_in_with_its_providers_claims_and_maps_the_profile(Case preset) {
        String subject = preset.preset() + "-" + UUID.randomUUID();
        String email = Checks.uniqueEmail(preset.preset());
        Map<String, Object> claims = new LinkedHashMap<>(preset.claims());
        claims.replaceAll((name, value) -> EMAIL.equals(value) ? email : value);
        Browser browser = new Browser(ItServers.DB);

        String callback =
                "apple".equals(preset.preset()) ? formPostedCallback(browser) : browser.authorizeAt(preset.preset());
        ItServers.oidc().nextSignInWithClaims(preset.preset(), subject, claims);
        Browser.Response done = browser.get(callback);

        assertThat(done.location()).as("%s", done).isEqualTo(browser.base());
        JsonObject after = Database.dump();
        List<JsonObject> accounts = Database.rowsWhere(after, "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject);
        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.getString("PROVIDER")).isEqualTo(preset.preset());
            assertThat(account.getString("TYPE")).isEqualTo("oidc");
        });
        JsonObject user = Database.rows(after, "USERS").stream()
                .filter(row -> row.getString("ID").equals(accounts.get(0).getString("USER_ID")))
                .findFirst()
                .orElseThrow();
        assertThat(user.isNull("NAME") ? null : user.getString("NAME")).isEqualTo(preset.name());
        assertThat(user.isNull("IMAGE") ? null : user.getString("IMAGE")).isEqualTo(preset.image());
        // A new user gets the address only when the provider vouched for it (OAuthProfile).
        assertThat(user.isNull("EMAIL") ? null : user.getString("EMAIL")).isEqualTo(preset.verified() ? email : null);
        assertThat(browser.session().containsKey("user")).isTrue();
    }

    /**
     * Apple's way back: the provider's page posts {@code code} and {@code state} to the callback. The post is made
     * here without any cookie, as a browser sends a cross-site POST to SameSite=Lax cookies; the engine answers with
     * a redirect to the GET callback and sets nothing.
     */
    private static String formPostedCallback(Browser browser) {
        Browser.Response started = browser.post("/api/auth/signin/apple", Map.of("csrfToken", browser.csrf()));
        assertThat(started.location()).contains("response_mode=form_post");
        Browser.Response page = Browser.getElsewhere(started.location());
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(page.body());
        while (matcher.find()) {
            form.put(matcher.group(1), matcher.group(2));
        }
        assertThat(form).containsKeys("code", "state");

        Browser crossSite = new Browser(ItServers.DB); // no cookies at all
        JsonObject before = Database.dump();
        Browser.Response posted = crossSite.post("/api/auth/callback/apple", form);
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location())
                .startsWith(browser.base() + "/api/auth/callback/apple?code=")
                .contains("&state=");
        assertThat(posted.setCookies()).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
        return posted.location();
    }

    @Test
    void a_forged_form_post_signs_nobody_in() {
        Browser victim = new Browser(ItServers.DB);
        victim.post("/api/auth/signin/apple", Map.of("csrfToken", victim.csrf())); // a flow of the victim's own
        JsonObject before = Database.dump();

        Browser attacker = new Browser(ItServers.DB);
        Browser.Response posted =
                attacker.post("/api/auth/callback/apple", Map.of("code", "attacker-code", "state", "attacker-state"));
        Browser.Response followed = victim.get(posted.location());

        Checks.refusedWith(followed, "OAuthCallbackError");
        assertThat(victim.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }
}
