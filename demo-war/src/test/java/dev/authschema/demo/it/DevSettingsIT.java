package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Development settings do not reach a server started without them (issue 12, finding 10). The test servers run
 * with {@code settings/it.env}, as a production server would: no development mode, a secret of their own.
 */
@ExtendWith(DemoEnvironment.class)
class DevSettingsIT {

    @Test
    void the_dev_mailbox_is_not_served_outside_development_whatever_forwarding_headers_claim() {
        WebClient client = DemoEnvironment.client();
        List<String[]> claims = List.of(
                new String[0],
                new String[] {"X-Forwarded-For", "127.0.0.1"},
                new String[] {"Forwarded", "for=127.0.0.1"},
                new String[] {"X-Real-IP", "127.0.0.1"},
                new String[] {"X-Forwarded-Host", "localhost"});
        for (String[] headers : claims) {
            HtmlPage mailbox = client.forge("GET", "/dev/mailbox.xhtml", Map.of(), null, headers);
            assertThat(mailbox.status()).as("mailbox with %s", List.of(headers)).isEqualTo(404);
            assertThat(mailbox.has("mailbox")).isFalse();
            assertThat(mailbox.body()).doesNotContain("/api/auth/callback/email");
        }
        assertThat(client.get("/signin.xhtml").has("nav-mailbox")).isFalse();
    }

    @Test
    void a_csrf_cookie_forged_with_the_published_development_secret_is_refused() throws IOException {
        String devSecret = Files.readAllLines(Path.of("settings/dev.env")).stream()
                .filter(line -> line.startsWith("AUTH_SECRET="))
                .map(line -> line.substring("AUTH_SECRET=".length()))
                .findFirst()
                .orElseThrow();
        CsrfTokens.Issued forged = new CsrfTokens(devSecret).issue();
        String cookie = "authjs.csrf-token=" + forged.cookieValue();
        String target = DemoEnvironment.uniqueEmail("forged-cookie");
        Map<String, List<String>> before = DemoDatabase.snapshot();
        int mails = DemoEnvironment.mailbox().receivedCount();

        HtmlPage endpoint = DemoEnvironment.client()
                .forge(
                        "POST",
                        "/api/auth/signin/email",
                        Map.of(),
                        Map.of("csrfToken", forged.token(), "email", target, "callbackUrl", "/account.xhtml"),
                        "Cookie",
                        cookie);
        assertThat(endpoint.status()).as("the engine's endpoint").isEqualTo(302);
        assertThat(endpoint.location()).contains("error=MissingCSRF");

        HtmlPage signIn = DemoEnvironment.client().get("/signin.xhtml");
        Map<String, String> fields = Forgeries.fields(
                signIn,
                "email-form",
                "email-form:send-link",
                Map.of("email-form:email", target, "csrfToken", forged.token()));
        HtmlPage page = DemoEnvironment.client().forge("POST", "/signin.xhtml", Map.of(), fields, "Cookie", cookie);
        assertThat(page.status()).as("the sign-in page's form").isEqualTo(403);
        assertThat(page.text("problem-title")).isEqualTo("This form has expired");

        assertThat(DemoDatabase.snapshot()).isEqualTo(before);
        assertThat(DemoEnvironment.mailbox().receivedCount()).isEqualTo(mails);
    }
}
