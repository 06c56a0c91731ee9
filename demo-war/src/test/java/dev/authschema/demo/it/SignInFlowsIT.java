package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real sign-in flows over HTTP against the demo in a running server, with a real SMTP and OIDC server. */
@ExtendWith(DemoEnvironment.class)
class SignInFlowsIT {

    @Test
    void email_link_opens_a_confirmation_page_and_only_its_post_signs_in_once() {
        WebClient client = DemoEnvironment.client();
        String email = DemoEnvironment.uniqueEmail("ann");
        String link = DemoFlows.requestLink(client, email);

        HtmlPage confirm = client.get(link);
        assertThat(confirm.path()).isEqualTo("/confirm.xhtml");
        assertThat(confirm.text("confirm-email")).isEqualTo(email);
        assertThat(client.get(link).path())
                .as("opening the link again: a scanner must not use it up")
                .isEqualTo("/confirm.xhtml");

        HtmlPage account = client.submit(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());
        assertThat(account.path()).isEqualTo("/account.xhtml");
        assertThat(account.text("member-email")).isEqualTo(email);
        assertThat(account.text("member-role")).isEqualTo("MEMBER");

        WebClient other = DemoEnvironment.client();
        HtmlPage reused = other.submit(other.get(link), "confirm-form", "confirm-form:confirm-signin", Map.of());
        assertThat(reused.path()).isEqualTo("/error.xhtml");
        assertThat(reused.text("error-code")).isEqualTo("Verification");
        assertThat(reused.text("error-title")).isEqualTo("This sign-in link cannot be used");
    }

    @Test
    void a_page_form_posted_without_the_csrf_token_is_refused() {
        WebClient client = DemoEnvironment.client();
        HtmlPage refused = client.submit(
                client.get("/signin.xhtml"),
                "email-form",
                "email-form:send-link",
                Map.of("email-form:email", DemoEnvironment.uniqueEmail("eve"), "csrfToken", "forged"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("problem-title")).isEqualTo("This form has expired");
    }

    @Test
    void a_malformed_address_gets_a_clear_message() {
        WebClient client = DemoEnvironment.client();
        HtmlPage page = client.submit(
                client.get("/signin.xhtml"),
                "email-form",
                "email-form:send-link",
                Map.of("email-form:email", "not an address"));
        assertThat(page.path()).isEqualTo("/signin.xhtml");
        assertThat(page.text("signin-error")).contains("The e-mail could not be sent");
    }

    @Test
    void oidc_sign_in_creates_the_member_from_the_provider_profile() {
        WebClient client = DemoEnvironment.client();
        String email = DemoEnvironment.uniqueEmail("olga");
        HtmlPage account = DemoFlows.signInWithDemoProvider(client, "olga-" + UUID.randomUUID(), email, "Olga Example");

        assertThat(account.path()).isEqualTo("/account.xhtml");
        assertThat(account.text("member-email")).isEqualTo(email);
        assertThat(account.text("member-name")).isEqualTo("Olga Example");
        assertThat(account.text("greeting-name")).isEqualTo("Olga Example");
        assertThat(account.has("last-method"))
                .as("the provider account is not the only way in: e-mail works")
                .isFalse();
    }

    @Test
    void an_oidc_account_whose_address_belongs_to_another_member_is_not_linked() {
        String email = DemoEnvironment.uniqueEmail("nora");
        DemoFlows.signInByEmail(DemoEnvironment.client(), email);

        WebClient stranger = DemoEnvironment.client();
        HtmlPage page =
                DemoFlows.signInWithDemoProvider(stranger, "nora-elsewhere-" + UUID.randomUUID(), email, "Not Nora");
        assertThat(page.path()).isEqualTo("/signin.xhtml");
        assertThat(page.uri().getQuery()).isEqualTo("error=OAuthAccountNotLinked");
        assertThat(page.text("signin-error")).contains("This account belongs to another sign-in");
        assertThat(stranger.get("/account.xhtml").path()).as("not signed in").isEqualTo("/signin.xhtml");
    }

    @Test
    void sign_out_ends_the_session() {
        WebClient client = DemoEnvironment.client();
        HtmlPage account = DemoFlows.signInByEmail(client, DemoEnvironment.uniqueEmail("sam"));

        HtmlPage signedOut = client.submit(account, "signout-form", "signout-form:signout", Map.of());
        assertThat(signedOut.path()).isEqualTo("/signin.xhtml");
        assertThat(signedOut.has("signed-out")).isTrue();
        HtmlPage again = client.get("/account.xhtml");
        assertThat(again.path()).isEqualTo("/signin.xhtml");
        assertThat(again.uri().getQuery()).startsWith("callbackUrl=");
    }

    @Test
    void the_admin_page_is_refused_to_a_member_and_shown_to_an_admin() {
        WebClient visitor = DemoEnvironment.client();
        assertThat(visitor.get("/admin").path()).isEqualTo("/signin.xhtml");

        WebClient member = DemoEnvironment.client();
        DemoFlows.signInByEmail(member, DemoEnvironment.uniqueEmail("mia"));
        HtmlPage refused = member.get("/admin");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("problem-title")).isEqualTo("You do not have access to this page");

        WebClient admin = DemoEnvironment.client();
        HtmlPage account = DemoFlows.signInByEmail(admin, DemoEnvironment.ADMIN_EMAIL);
        assertThat(account.text("member-role")).isEqualTo("ADMIN");
        HtmlPage shown = admin.get("/admin");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text("admin-title")).isEqualTo("Admin");
        assertThat(shown.text("admin-caller")).contains("isUserInRole(\"ADMIN\") is true");
        assertThat(shown.text("members")).contains(DemoEnvironment.ADMIN_EMAIL);
    }

    @Test
    void the_display_name_is_saved_and_another_session_can_be_signed_out() {
        String email = DemoEnvironment.uniqueEmail("lee");
        WebClient laptop = DemoEnvironment.client();
        DemoFlows.signInByEmail(laptop, email);
        WebClient phone = DemoEnvironment.client();
        DemoFlows.signInByEmail(phone, email);

        HtmlPage account = laptop.get("/account.xhtml");
        HtmlPage saved = laptop.submit(
                account,
                "profile-form",
                "profile-form:save-profile",
                Map.of("profile-form:displayName", "Lee the Tester"));
        assertThat(saved.text("greeting-name")).isEqualTo("Lee the Tester");
        assertThat(saved.text("notice")).isEqualTo("Your display name was saved.");

        HtmlPage ended = laptop.submit(saved, "sessions-form", "sessions-form:end-others", Map.of());
        assertThat(ended.text("notice")).isEqualTo("Your other sessions were signed out.");
        assertThat(phone.get("/account.xhtml").path()).isEqualTo("/signin.xhtml");
        assertThat(laptop.get("/account.xhtml").path()).isEqualTo("/account.xhtml");
    }

    @Test
    void one_other_session_is_ended_from_the_account_page_through_the_engine_and_no_token_is_shown() {
        String email = DemoEnvironment.uniqueEmail("kim");
        WebClient laptop = DemoEnvironment.client();
        DemoFlows.signInByEmail(laptop, email);
        WebClient phone = DemoEnvironment.client();
        DemoFlows.signInByEmail(phone, email);
        phone.get("/account.xhtml"); // records the phone's device

        HtmlPage account = laptop.get("/account.xhtml");
        List<String> tokens = Stream.concat(phone.cookieValues().stream(), laptop.cookieValues().stream())
                .filter(value -> value.length() >= 32) // the session and CSRF cookies, not a callback URL
                .toList();
        assertThat(tokens).isNotEmpty();
        for (String value : tokens) {
            assertThat(account.body()).as("no cookie value in the page").doesNotContain(value);
        }
        List<String> ends = account.form("sessions-form").buttons().stream()
                .filter(b -> b.matches("sessions-form:sessions:\\d+:end"))
                .toList();
        assertThat(ends).as("one other session, this one has no button").hasSize(1);
        assertThat(account.body())
                .as("the device's address, an extra field of the session, comes through the engine")
                .containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

        HtmlPage ended = laptop.submit(account, "sessions-form", ends.get(0), Map.of());

        assertThat(ended.text("notice")).isEqualTo("The session was signed out.");
        assertThat(phone.get("/account.xhtml").path()).isEqualTo("/signin.xhtml");
        HtmlPage after = laptop.get("/account.xhtml");
        assertThat(after.path()).isEqualTo("/account.xhtml");
        assertThat(after.form("sessions-form").buttons()).noneMatch(b -> b.endsWith(":end"));
    }
}
