package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cross-site request forgery of every Faces form of the demo (issue 12, finding 3). The attacker has their own
 * account and their own copy of each page, so they know its view state (with client-side state saving it is the
 * same for every visitor), its submit marker and their own CSRF token; a hostile page makes the victim's browser
 * send those fields with the victim's cookies, by any method. The runtime's {@code FormCsrfFilter} refuses each:
 * a form is accepted by POST only, with the token that this browser's CSRF cookie vouches for.
 */
@ExtendWith(DemoEnvironment.class)
class FormCsrfIT {

    @Test
    void every_account_form_forged_from_another_site_is_refused_by_any_method_and_changes_nothing() {
        String victimEmail = DemoEnvironment.uniqueEmail("victim");
        WebClient laptop = DemoEnvironment.client();
        DemoFlows.signInByEmail(laptop, victimEmail);
        WebClient phone = DemoEnvironment.client();
        DemoFlows.signInByEmail(phone, victimEmail);
        // A linked provider account, so that the unlink button exists for the victim.
        DemoEnvironment.oidc().nextSignIn("victim-" + UUID.randomUUID(), victimEmail, "Victim");
        HtmlPage linked = laptop.submit(laptop.get("/account.xhtml"), "link-form", "link-form:link-demo", Map.of());
        assertThat(linked.path()).isEqualTo("/account.xhtml");
        assertThat(linked.form("accounts-form").buttons())
                .as("the victim can unlink")
                .isNotEmpty();
        HtmlPage victimPage = laptop.get("/account.xhtml");
        assertThat(victimPage.form("sessions-form").buttons())
                .as("the victim has another session")
                .contains("sessions-form:end-others");
        String victimName = victimPage.text("greeting-name");

        WebClient attacker = DemoEnvironment.client();
        HtmlPage attackerPage = DemoFlows.signInByEmail(attacker, DemoEnvironment.uniqueEmail("attacker"));
        String attackerToken = attackerPage.form("profile-form").fields().get("csrfToken");

        List<Forgeries.Forgery> forgeries = new ArrayList<>();
        forgeries.addAll(Forgeries.of(Forgeries.fields(
                attackerPage,
                "profile-form",
                "profile-form:save-profile",
                Map.of("profile-form:displayName", "Pwned by the attacker"))));
        forgeries.addAll(
                Forgeries.of(Forgeries.fields(attackerPage, "signout-form", "signout-form:signout", Map.of())));
        forgeries.addAll(
                Forgeries.of(Forgeries.fields(attackerPage, "sessions-form", "sessions-form:end-others", Map.of())));
        forgeries.addAll(Forgeries.of(
                Forgeries.fields(attackerPage, "sessions-form", "sessions-form:sessions:0:end", Map.of())));
        forgeries.addAll(Forgeries.of(
                Forgeries.fields(attackerPage, "sessions-form", "sessions-form:sessions:1:end", Map.of())));
        forgeries.addAll(Forgeries.of(
                Forgeries.fields(attackerPage, "accounts-form", "accounts-form:accounts:0:unlink", Map.of())));
        forgeries.addAll(Forgeries.of(Forgeries.fields(attackerPage, "link-form", "link-form:link-demo", Map.of())));

        Forgeries.assertAllRefused(
                () -> laptop,
                "/account.xhtml",
                forgeries,
                List.of(attackerToken, victimPage.form("profile-form").fields().get("csrfToken")));

        HtmlPage after = laptop.get("/account.xhtml");
        assertThat(after.path()).as("the victim is still signed in").isEqualTo("/account.xhtml");
        assertThat(after.text("greeting-name")).isEqualTo(victimName);
        assertThat(after.form("accounts-form").buttons()).as("still linked").isNotEmpty();
        assertThat(phone.get("/account.xhtml").path())
                .as("the other session still works")
                .isEqualTo("/account.xhtml");

        // The victim's own browser, with its own token, still can.
        HtmlPage saved = laptop.submit(
                after,
                "profile-form",
                "profile-form:save-profile",
                Map.of("profile-form:displayName", "Victim Renamed"));
        assertThat(saved.text("greeting-name")).isEqualTo("Victim Renamed");
    }

    /** Typed into the forged password form; never in the server log. */
    private static final String ATTACKER_PASSWORD = "the attacker's password";

    @Test
    void the_sign_in_forms_forged_from_another_site_are_refused_by_any_method_and_send_no_mail() {
        WebClient attacker = DemoEnvironment.client();
        HtmlPage attackerPage = attacker.get("/signin.xhtml");
        String target = DemoEnvironment.uniqueEmail("mailbombed");
        List<Forgeries.Forgery> forgeries = new ArrayList<>();
        forgeries.addAll(Forgeries.of(Forgeries.fields(
                attackerPage, "email-form", "email-form:send-link", Map.of("email-form:email", target))));
        forgeries.addAll(
                Forgeries.of(Forgeries.fields(attackerPage, "oauth-form", "oauth-form:signin-demo", Map.of())));
        // login CSRF with a password: the attacker's own address and password would sign the victim in as them
        forgeries.addAll(Forgeries.of(Forgeries.fields(
                attackerPage,
                "password-form",
                "password-form:signin-password",
                Map.of("password-form:email", target, "password-form:password", ATTACKER_PASSWORD))));
        String attackerToken = attackerPage.form("email-form").fields().get("csrfToken");

        WebClient signedIn = DemoEnvironment.client();
        DemoFlows.signInByEmail(signedIn, DemoEnvironment.uniqueEmail("reader"));
        List<String> secrets = List.of(attackerToken, ATTACKER_PASSWORD);
        Forgeries.assertAllRefused(() -> signedIn, "/signin.xhtml", forgeries, secrets);
        WebClient visitor = DemoEnvironment.client();
        visitor.get("/signin.xhtml"); // has its own CSRF cookie
        Forgeries.assertAllRefused(() -> visitor, "/signin.xhtml", forgeries, secrets);
        Forgeries.assertAllRefused(DemoEnvironment::client, "/signin.xhtml", forgeries, secrets);

        // The form itself works: the same address gets its link when asked for from the site.
        assertThat(DemoFlows.requestLink(DemoEnvironment.client(), target)).contains("/api/auth/callback/email");
    }

    @Test
    void login_csrf_through_the_confirm_page_is_refused_also_for_a_browser_without_cookies() {
        WebClient attacker = DemoEnvironment.client();
        String attackerEmail = DemoEnvironment.uniqueEmail("login-csrf");
        String link = DemoFlows.requestLink(attacker, attackerEmail);
        HtmlPage confirm = attacker.get(link);
        assertThat(confirm.path()).isEqualTo("/confirm.xhtml");
        Map<String, String> fields = Forgeries.fields(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());
        assertThat(fields).as("the attacker's sign-in link is in the form").containsValue(attackerEmail);
        List<Forgeries.Forgery> forgeries = Forgeries.of(fields);
        List<String> secrets = List.of(
                fields.get("csrfToken"),
                link.substring(link.indexOf("token=") + 6).replaceAll("&.*", ""));

        // A browser that never visited the site: no CSRF cookie, so no token is valid.
        List<WebClient> victims = new ArrayList<>();
        Forgeries.assertAllRefused(
                () -> {
                    WebClient fresh = DemoEnvironment.client();
                    victims.add(fresh);
                    return fresh;
                },
                "/confirm.xhtml",
                forgeries,
                secrets);
        // A browser that did, with its own CSRF cookie.
        WebClient visitor = DemoEnvironment.client();
        visitor.get("/signin.xhtml");
        victims.add(visitor);
        Forgeries.assertAllRefused(() -> visitor, "/confirm.xhtml", forgeries, secrets);

        for (WebClient victim : victims.subList(0, 3)) {
            assertThat(victim.get("/account.xhtml").path())
                    .as("not signed in as the attacker")
                    .isEqualTo("/signin.xhtml");
        }
        assertThat(visitor.get("/account.xhtml").path()).isEqualTo("/signin.xhtml");
        // The link was live all along: the attacker's own browser signs in with it.
        HtmlPage account = attacker.submit(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());
        assertThat(account.path()).isEqualTo("/account.xhtml");
        assertThat(account.text("member-email")).isEqualTo(attackerEmail);
    }

    @Test
    void state_changing_requests_to_the_admin_servlet_are_refused_without_a_token() {
        WebClient admin = DemoEnvironment.client();
        DemoFlows.signInByEmail(admin, DemoEnvironment.ADMIN_EMAIL);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Map<String, List<String>> before = DemoDatabase.snapshot();
            HtmlPage refused = "DELETE".equals(method)
                    ? admin.forge(method, "/admin", Map.of("email", "x@demo.test"), null)
                    : admin.forge(method, "/admin", Map.of(), Map.of("email", "x@demo.test"));
            assertThat(refused.status()).as(method + " /admin").isEqualTo(403);
            assertThat(refused.text("POST".equals(method) ? "problem-title" : "form-refused"))
                    .isEqualTo("This form has expired");
            assertThat(DemoDatabase.snapshot())
                    .as("database after " + method + " /admin")
                    .isEqualTo(before);
        }
        assertThat(admin.get("/admin").status())
                .as("reading is not a form submission")
                .isEqualTo(200);
    }
}
