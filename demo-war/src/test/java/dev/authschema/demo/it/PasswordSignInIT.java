package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password sign-in on the demo (issue 19): sign-up through the engine's page linked from the demo's sign-in page, the
 * confirmation link read from the real SMTP server, then the demo's own password form and the account page's password
 * change; the hash in the member's row.
 */
@ExtendWith(DemoEnvironment.class)
class PasswordSignInIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a new and longer passphrase";

    @Test
    void a_member_signs_up_confirms_and_signs_in_with_a_password_and_a_wrong_one_is_refused() {
        String email = DemoEnvironment.uniqueEmail("pia");
        WebClient client = DemoEnvironment.client();
        HtmlPage signIn = client.get("/signin.xhtml");
        assertThat(signIn.has("forgot-link")).isTrue();
        Matcher signUpLink =
                Pattern.compile("id=\"signup-link\" href=\"([^\"]+)\"").matcher(signIn.body());
        assertThat(signUpLink.find()).as("the sign-up link on %s", signIn).isTrue();
        assertThat(signUpLink.group(1)).isEqualTo("/api/auth/signup/password?callbackUrl=%2Faccount.xhtml");

        HtmlPage signUp = client.get(signUpLink.group(1));
        assertThat(signUp.status()).isEqualTo(200);
        HtmlPage.Form form = signUp.form("signup-password");
        Map<String, String> fields = new HashMap<>(form.fields());
        fields.put("email", email);
        fields.put("password", PASSWORD);
        HtmlPage sent = follow(client, client.forge("POST", form.action(), Map.of(), fields));
        assertThat(sent.path()).as("%s", sent).isEqualTo("/check-email.xhtml");

        HtmlPage unconfirmed = signInWithPassword(DemoEnvironment.client(), email, PASSWORD);
        assertThat(unconfirmed.path()).isEqualTo("/signin.xhtml");
        assertThat(unconfirmed.uri().getQuery()).contains("error=EmailNotVerified");
        assertThat(unconfirmed.text("signin-error")).contains("Confirm your e-mail address first");

        HtmlPage confirm = client.get(DemoEnvironment.mailbox().awaitSignInLink(email));
        assertThat(confirm.path()).isEqualTo("/confirm.xhtml");
        HtmlPage confirmed = client.submit(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());
        assertThat(confirmed.path()).isEqualTo("/account.xhtml");

        WebClient other = DemoEnvironment.client();
        HtmlPage refused = signInWithPassword(other, email, "not the password at all");
        assertThat(refused.path()).isEqualTo("/signin.xhtml");
        assertThat(refused.uri().getQuery()).contains("error=CredentialsSignin");
        assertThat(refused.text("signin-error")).contains("Check the details you provided are correct");
        assertThat(other.get("/account.xhtml").path()).as("not signed in").isEqualTo("/signin.xhtml");

        HtmlPage account = signInWithPassword(other, email, PASSWORD);
        assertThat(account.path()).isEqualTo("/account.xhtml");
        assertThat(account.text("member-email")).isEqualTo(email);

        HtmlPage changed = other.submit(
                account,
                "password-form",
                "password-form:change-password",
                Map.of("password-form:currentPassword", PASSWORD, "password-form:newPassword", NEW_PASSWORD));
        assertThat(changed.path()).isEqualTo("/account.xhtml");
        assertThat(changed.text("notice")).contains("Your password was changed");
        assertThat(client.get("/account.xhtml").path())
                .as("the session of the confirmation link ended with the change")
                .isEqualTo("/signin.xhtml");
        assertThat(signInWithPassword(DemoEnvironment.client(), email, PASSWORD)
                        .uri()
                        .getQuery())
                .contains("error=CredentialsSignin");
        assertThat(signInWithPassword(DemoEnvironment.client(), email, NEW_PASSWORD)
                        .path())
                .isEqualTo("/account.xhtml");

        List<String> members = DemoDatabase.snapshot().get("demo_members").stream()
                .filter(row -> row.contains("email=" + email + ","))
                .toList();
        assertThat(members).hasSize(1);
        assertThat(members.get(0))
                .contains("password_hash=$argon2id$")
                .doesNotContain(PASSWORD)
                .doesNotContain(NEW_PASSWORD);
    }

    @Test
    void a_forgotten_password_is_reset_by_the_mailed_link_sent_off_the_request_thread() {
        String email = DemoEnvironment.uniqueEmail("rita");
        WebClient client = DemoEnvironment.client();
        HtmlPage.Form signUp = client.get("/api/auth/signup/password?callbackUrl=%2Faccount.xhtml")
                .form("signup-password");
        Map<String, String> fields = new HashMap<>(signUp.fields());
        fields.put("email", email);
        fields.put("password", PASSWORD);
        follow(client, client.forge("POST", signUp.action(), Map.of(), fields));
        HtmlPage confirm = client.get(DemoEnvironment.mailbox().awaitSignInLink(email));
        client.submit(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());

        // The server's managed executor sends the reset mail (concurrent-3.0 on Liberty, built into Payara).
        WebClient forgetful = DemoEnvironment.client();
        int received = DemoEnvironment.mailbox().count(email);
        HtmlPage.Form forgot = forgetful.get("/api/auth/password/forgot").form("password-forgot");
        Map<String, String> asked = new HashMap<>(forgot.fields());
        asked.put("email", email);
        HtmlPage answered = follow(forgetful, forgetful.forge("POST", forgot.action(), Map.of(), asked));
        assertThat(answered.status()).as("%s", answered).isEqualTo(200);
        String mail = DemoEnvironment.mailbox().awaitText(email, received);
        Matcher link =
                Pattern.compile("http\\S+/api/auth/password/reset\\?\\S+").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();

        HtmlPage.Form reset = forgetful.get(link.group()).form("password-reset");
        Map<String, String> chosen = new HashMap<>(reset.fields());
        chosen.put("newPassword", NEW_PASSWORD);
        follow(forgetful, forgetful.forge("POST", reset.action(), Map.of(), chosen));

        assertThat(client.get("/account.xhtml").path())
                .as("the session of the confirmation link ended with the reset")
                .isEqualTo("/signin.xhtml");
        assertThat(signInWithPassword(DemoEnvironment.client(), email, PASSWORD)
                        .uri()
                        .getQuery())
                .contains("error=CredentialsSignin");
        assertThat(signInWithPassword(DemoEnvironment.client(), email, NEW_PASSWORD)
                        .path())
                .isEqualTo("/account.xhtml");
    }

    private static HtmlPage signInWithPassword(WebClient client, String email, String password) {
        return client.submit(
                client.get("/signin.xhtml"),
                "password-form",
                "password-form:signin-password",
                Map.of("password-form:email", email, "password-form:password", password));
    }

    /** Follows the redirect of a response got without following redirects. */
    private static HtmlPage follow(WebClient client, HtmlPage response) {
        return response.redirect().map(client::get).orElse(response);
    }
}
