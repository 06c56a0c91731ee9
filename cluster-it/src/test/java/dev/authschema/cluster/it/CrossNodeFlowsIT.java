package dev.authschema.cluster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What one node starts, the other continues: sessions, sign-out, e-mail links and OIDC flows across nodes. */
@Order(1)
@ExtendWith(Cluster.class)
class CrossNodeFlowsIT {

    @Test
    void a_session_created_on_one_node_is_valid_on_the_other() throws Exception {
        String email = Cluster.uniqueEmail("ada");
        String token = Cluster.signIn(Cluster.a(), email);

        assertThat(Cluster.isSignedIn(Cluster.a(), token, email)).isTrue();
        assertThat(Cluster.isSignedIn(Cluster.b(), token, email)).isTrue();
    }

    @Test
    void sign_out_on_one_node_is_refused_by_the_other_at_its_next_request() throws Exception {
        String email = Cluster.uniqueEmail("bob");
        WebClient client = new WebClient();
        HtmlPage account = Cluster.confirmLink(client, Cluster.a(), Cluster.requestLink(client, Cluster.a(), email));
        String token = client.requireCookie(Cluster.SESSION_COOKIE);
        // B reads the session first, so a node-local cache would now hold it.
        assertThat(Cluster.isSignedIn(Cluster.b(), token, email)).isTrue();

        HtmlPage signedOut = client.submit(account, "signout-form", "signout-form:signout", Map.of());
        assertThat(signedOut.path()).isEqualTo("/signin.xhtml");

        assertThat(Cluster.session(Cluster.b(), token).body()).doesNotContain(email);
        assertThat(Cluster.isSignedIn(Cluster.a(), token, email)).isFalse();
    }

    @Test
    void an_email_link_requested_on_one_node_is_confirmed_on_the_other() throws Exception {
        String email = Cluster.uniqueEmail("cy");
        WebClient client = new WebClient();
        String link = Cluster.requestLink(client, Cluster.a(), email);

        HtmlPage landed = Cluster.confirmLink(client, Cluster.b(), link);
        assertThat(landed.status()).as("%s", landed).isEqualTo(200);
        assertThat(client.get(Cluster.b().url() + "/account.xhtml").path()).isEqualTo("/account.xhtml");
        assertThat(Cluster.isSignedIn(Cluster.a(), client.requireCookie(Cluster.SESSION_COOKIE), email))
                .isTrue();

        WebClient again = new WebClient();
        HtmlPage reused = again.submit(
                again.get(Cluster.onNode(URI.create(link), Cluster.a()).toString()),
                "confirm-form",
                "confirm-form:confirm-signin",
                Map.of());
        assertThat(reused.path()).as("the link is used up on every node").isEqualTo("/error.xhtml");
    }

    @Test
    void an_oidc_sign_in_started_on_one_node_finishes_on_the_other() throws Exception {
        String email = Cluster.uniqueEmail("dee");
        Cluster.oidc().nextSignIn("dee-" + UUID.randomUUID(), email, "Dee Example");
        WebClient client = new WebClient();
        URI b = URI.create(Cluster.b().url());

        // The provider sends the browser back to A's callback; the "load balancer" routes it to B instead, with the
        // state, nonce and PKCE cookies A set.
        HtmlPage landed = client.submit(
                client.get(Cluster.a().url() + "/signin.xhtml"),
                "oauth-form",
                "oauth-form:signin-demo",
                Map.of(),
                uri -> uri.getPath().startsWith("/api/auth/callback/") ? Cluster.onNode(uri, Cluster.b()) : uri);

        assertThat(landed.uri().getPort()).as("%s", landed).isEqualTo(b.getPort());
        assertThat(landed.status()).isEqualTo(200);
        assertThat(client.get(Cluster.b().url() + "/account.xhtml").path()).isEqualTo("/account.xhtml");
        assertThat(Cluster.isSignedIn(Cluster.a(), client.requireCookie(Cluster.SESSION_COOKIE), email))
                .isTrue();
    }
}
