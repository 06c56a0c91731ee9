package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.util.Map;

/** The sign-in steps several tests share, done over HTTP like a browser. */
final class DemoFlows {

    private DemoFlows() {}

    /** Requests a link, reads it from the real SMTP server, opens it and confirms: ends on the account page. */
    static HtmlPage signInByEmail(WebClient client, String email) {
        HtmlPage confirm = client.get(requestLink(client, email));
        assertThat(confirm.path()).isEqualTo("/confirm.xhtml");
        return client.submit(confirm, "confirm-form", "confirm-form:confirm-signin", Map.of());
    }

    /** Asks for a sign-in link; returns the link from the e-mail. */
    static String requestLink(WebClient client, String email) {
        HtmlPage signIn = client.get("/signin.xhtml");
        HtmlPage sent = client.submit(signIn, "email-form", "email-form:send-link", Map.of("email-form:email", email));
        assertThat(sent.path()).isEqualTo("/check-email.xhtml");
        return DemoEnvironment.mailbox().awaitSignInLink(email);
    }

    /** Signs in with the demo OIDC provider as the given account; ends wherever the app sends the browser. */
    static HtmlPage signInWithDemoProvider(WebClient client, String subject, String email, String name) {
        DemoEnvironment.oidc().nextSignIn(subject, email, name);
        return client.submit(client.get("/signin.xhtml"), "oauth-form", "oauth-form:signin-demo", Map.of());
    }
}
