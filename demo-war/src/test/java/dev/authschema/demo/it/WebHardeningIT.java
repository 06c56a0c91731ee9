package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, findings 5, 6, 8 and 9 on the demo's own pages and servlets (the runtime's web fragment hardens the whole
 * application, not only {@code /api/auth/*}), on Liberty and on Payara: TRACE never echoes the HttpOnly session
 * cookie, {@code Allow} never lists TRACE, every page carries the hardening headers, the pages of a signed-in member
 * are not stored, browser forms are decoded as UTF-8, and an over-long display name is refused with a message.
 */
@ExtendWith(DemoEnvironment.class)
class WebHardeningIT {

    private static final String SESSION_COOKIE = "authjs.session-token";

    private static void hardened(HttpResponse<String> response, String referrerPolicy) {
        assertThat(response.headers().allValues("X-Content-Type-Options"))
                .as("nosniff on %s", response.uri())
                .containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options"))
                .as("framing on %s", response.uri())
                .containsExactly("DENY");
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .as("CSP on %s", response.uri())
                .containsExactly("frame-ancestors 'none'");
        assertThat(response.headers().allValues("Referrer-Policy"))
                .as("referrer on %s", response.uri())
                .containsExactly(referrerPolicy);
    }

    private static void noStore(HttpResponse<String> response) {
        List<String> values = response.headers().allValues("Cache-Control");
        assertThat(String.join(",", values))
                .as("Cache-Control on %s", response.uri())
                .contains("no-store");
    }

    @Test
    void trace_never_echoes_the_session_cookie_on_any_page_or_servlet() {
        WebClient admin = DemoEnvironment.client();
        DemoFlows.signInByEmail(admin, DemoEnvironment.ADMIN_EMAIL);
        String session = admin.cookie(SESSION_COOKIE);
        assertThat(session).isNotNull();
        for (String path :
                new String[] {"/admin", "/account.xhtml", "/signin.xhtml", "/api/auth/session", "/static/demo.css", "/"
                }) {
            HttpResponse<String> trace = admin.send("TRACE", path);
            assertThat(trace.statusCode()).as("TRACE %s", path).isIn(403, 405);
            assertThat(trace.body())
                    .as("TRACE %s", path)
                    .doesNotContain(session)
                    .doesNotContain(SESSION_COOKIE);
        }
    }

    @Test
    void allow_headers_never_list_trace() {
        WebClient admin = DemoEnvironment.client();
        DemoFlows.signInByEmail(admin, DemoEnvironment.ADMIN_EMAIL);
        HttpResponse<String> engine = admin.send("OPTIONS", "/api/auth/session");
        assertThat(engine.statusCode()).isEqualTo(200);
        assertThat(engine.headers().allValues("Allow")).containsExactly("GET, HEAD, POST, OPTIONS");
        HttpResponse<String> servlet = admin.send("OPTIONS", "/admin");
        assertThat(servlet.statusCode()).isEqualTo(200);
        assertThat(String.join(",", servlet.headers().allValues("Allow")))
                .contains("GET")
                .doesNotContain("TRACE");
    }

    @Test
    void every_page_gets_the_hardening_headers_and_a_signed_in_members_pages_are_not_stored() {
        WebClient client = DemoEnvironment.client();
        String strict = "strict-origin-when-cross-origin";
        HttpResponse<String> signIn = client.send("GET", "/signin.xhtml");
        assertThat(signIn.statusCode()).isEqualTo(200);
        hardened(signIn, strict);
        hardened(client.send("GET", "/api/auth/session"), strict);
        hardened(client.send("GET", "/no-such-page.xhtml"), strict);

        String email = DemoEnvironment.uniqueEmail("headers");
        String link = DemoFlows.requestLink(client, email);
        HttpResponse<String> engineLink = client.send("GET", link);
        assertThat(engineLink.statusCode())
                .as("the engine sends the link on to the demo's confirm page")
                .isEqualTo(302);
        hardened(engineLink, "no-referrer");
        String confirmUrl = engineLink.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> confirm = client.send("GET", confirmUrl);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.uri().getQuery()).contains("token=");
        hardened(confirm, "no-referrer");

        DemoFlows.signInByEmail(client, email);
        HttpResponse<String> account = client.send("GET", "/account.xhtml");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(email);
        hardened(account, strict);
        noStore(account);
        noStore(client.send("GET", "/index.xhtml"));
    }

    @Test
    void a_display_name_over_80_characters_is_refused_with_a_message_and_not_reported_saved() {
        WebClient client = DemoEnvironment.client();
        HtmlPage account = DemoFlows.signInByEmail(client, DemoEnvironment.uniqueEmail("long-name"));
        HtmlPage saved = client.submit(
                account, "profile-form", "profile-form:save-profile", Map.of("profile-form:displayName", "Short Name"));
        assertThat(saved.text("notice")).isEqualTo("Your display name was saved.");

        HtmlPage refused = client.submit(
                saved, "profile-form", "profile-form:save-profile", Map.of("profile-form:displayName", "L".repeat(81)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.has("notice"))
                .as("no 'saved' notice at %s", refused.uri())
                .isFalse();
        assertThat(refused.text("profile-form:displayName-message")).contains("80");
        assertThat(client.get("/account.xhtml").text("greeting-name"))
                .as("unchanged")
                .isEqualTo("Short Name");
    }

    @Test
    void an_address_over_254_characters_gets_the_refusal_message_not_a_silent_drop() {
        WebClient client = DemoEnvironment.client();
        // maxlength="254" on h:inputText made MyFaces drop the longer value; now the engine sees and refuses it.
        HtmlPage page = client.submit(
                client.get("/signin.xhtml"),
                "email-form",
                "email-form:send-link",
                Map.of("email-form:email", "a".repeat(250) + "@demo.test"));
        assertThat(page.path()).isEqualTo("/signin.xhtml");
        assertThat(page.text("signin-error")).contains("The e-mail could not be sent");
    }

    @Test
    void a_browser_form_without_charset_is_decoded_as_utf8() {
        WebClient client = DemoEnvironment.client();
        String email = DemoEnvironment.uniqueEmail("nbsp");
        // WebClient sends what a browser sends: UTF-8, percent-encoded, Content-Type without charset.
        HtmlPage sent = client.submit(
                client.get("/signin.xhtml"),
                "email-form",
                "email-form:send-link",
                Map.of("email-form:email", email + "\u00A0"));
        assertThat(sent.path()).isEqualTo("/check-email.xhtml");
        HtmlPage confirm = client.get(DemoEnvironment.mailbox().awaitSignInLink(email));
        assertThat(confirm.text("confirm-email")).isEqualTo(email);
        HtmlPage account = client.submit(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());
        HtmlPage named = client.submit(
                account,
                "profile-form",
                "profile-form:save-profile",
                Map.of("profile-form:displayName", "Zo\u00EB \u65E5\u672C"));
        assertThat(named.text("greeting-name")).isEqualTo("Zo\u00EB \u65E5\u672C");
    }
}
