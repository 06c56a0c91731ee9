package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.Theme;
import dev.authschema.engine.mail.DevelopmentMailbox;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.pages.BuiltInPages;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/auth/dev/mailbox}: shown only in development mode without a mail sender and only to a loopback
 * connection; everyone else gets the 404 of an unknown path, whatever headers they send.
 */
class DevelopmentMailboxRouteTest {

    private static final String BASE = "http://localhost:8080/app";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    /** Development mode, no AUTH_URL, no AUTH_EMAIL_SERVER, no mail session (no JNDI in a unit test). */
    private AuthConfig.Builder development() {
        return AuthConfig.builder()
                .environment(name -> null)
                .development(true)
                .adapter(new InMemoryAdapter())
                .clock(clock)
                .provider(Providers.email("noreply@example.com"))
                .provider(Providers.emailCode("noreply@example.com"));
    }

    private static AuthRouter router(AuthConfig.Builder config) {
        return new AuthEngine(config.build()).router();
    }

    private static FakeExchange local() {
        return FakeExchange.get(Map.of()).from("127.0.0.1");
    }

    private static Reply mailbox(AuthRouter router, FakeExchange exchange) {
        return router.endpoint(exchange, Method.GET, "/dev/mailbox");
    }

    @Test
    void a_requested_link_and_code_appear_newest_first_on_the_page_for_a_loopback_client() {
        AuthRouter router = router(development());
        router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "ann@example.com"));
        clock.advance(Duration.ofSeconds(3));
        router.service(FakeExchange.post(Map.of()), new SignIn.Request("email-code", null, "bob@example.com"));

        Reply reply = mailbox(router, local());

        assertThat(reply).isInstanceOfSatisfying(Reply.Html.class, html -> {
            assertThat(html.status()).isEqualTo(200);
            assertThat(html.headers()).containsEntry("Cache-Control", "no-store");
            String page = html.page();
            assertThat(page)
                    .startsWith("<!DOCTYPE html>")
                    .contains(
                            "<h1>Development mailbox</h1>",
                            "ann@example.com",
                            "Sign in to localhost",
                            "href=\"" + BASE + "/api/auth/callback/email?",
                            "bob@example.com",
                            "Your sign-in code for localhost",
                            "<link rel=\"stylesheet\" href=\"" + BASE + "/api/auth/theme.css\">")
                    .doesNotContain("<script", "<style", "style=");
            assertThat(page.indexOf("bob@example.com")).isLessThan(page.indexOf("ann@example.com"));
            assertThat(page).containsPattern("<p class=\"code\">[0-9]{6}</p>");
        });
    }

    @Test
    void an_empty_mailbox_says_so() {
        assertThat(mailbox(router(development()), local()))
                .isInstanceOfSatisfying(
                        Reply.Html.class, html -> assertThat(html.page()).contains("No sign-in e-mails yet."));
    }

    @Test
    void outside_development_the_path_is_unknown_even_from_loopback() {
        AuthRouter router = router(AuthConfig.builder()
                .environment(name -> null)
                .url(BASE)
                .secret("mailbox-test-secret-Hq8vT2mXc5LpR9wZb3NdK7sJxy")
                .adapter(new InMemoryAdapter())
                .provider(Providers.email("noreply@example.com").withSender(email -> {})));

        assertThat(mailbox(router, local())).isEqualTo(new Reply.NotFound());
        assertThat(router.endpoint(local(), Method.GET, "/no-such-page")).isEqualTo(new Reply.NotFound());
    }

    @Test
    void with_a_real_sender_or_mail_server_in_development_the_path_is_unknown() {
        AuthRouter ownSender = router(AuthConfig.builder()
                .environment(name -> null)
                .development(true)
                .adapter(new InMemoryAdapter())
                .provider(Providers.email("noreply@example.com").withSender(email -> {})));
        AuthRouter mailServer = router(
                development().environment(name -> "AUTH_EMAIL_SERVER".equals(name) ? "smtp://localhost:2525" : null));
        AuthRouter oneOfTwoWithASender = router(development()
                .provider(new dev.authschema.engine.config.EmailProviderConfig(
                                "other", "Other", "noreply@example.com", Duration.ofHours(1), null, "mail/none")
                        .withSender(email -> {})));
        AuthRouter noEmailProvider = router(AuthConfig.builder()
                .environment(name -> null)
                .development(true)
                .adapter(new InMemoryAdapter())
                .provider(Providers.gitHub().withClient("id", "secret")));

        for (AuthRouter router : List.of(ownSender, mailServer, oneOfTwoWithASender, noEmailProvider)) {
            assertThat(mailbox(router, local())).isEqualTo(new Reply.NotFound());
        }
    }

    @Test
    void a_development_server_with_public_links_or_behind_a_proxy_has_none() {
        // AUTH_URL on a public host (a tunnel such as ngrok connects from loopback) or AUTH_TRUST_HOST (a proxy):
        // the connection's loopback address says nothing about the browser, so the configuration turns it off.
        AuthRouter tunnel = router(development().url("https://abc123.ngrok.example"));
        AuthRouter lan = router(development().url("http://192.168.1.20:8080/app"));
        AuthRouter proxy = router(development().trustHost(true));

        for (AuthRouter router : List.of(tunnel, lan, proxy)) {
            assertThat(mailbox(router, local().header("Host", "localhost:8080")))
                    .isEqualTo(new Reply.NotFound());
        }
        assertThat(mailbox(router(development().url("http://localhost:8080/app")), local()))
                .isInstanceOf(Reply.Html.class);
        assertThat(mailbox(router(development().url("http://[::1]:8080/app")), local()))
                .isInstanceOf(Reply.Html.class);
    }

    @Test
    void without_auth_url_a_foreign_host_gets_the_engines_400_and_never_the_page() {
        // A page of another site re-pointed at 127.0.0.1 (DNS rebinding) names its own host: the trusted base URL of
        // development without AUTH_URL refuses it, as for every page.
        Reply reply = mailbox(router(development()), local().header("Host", "rebind.evil.example:8080"));

        assertThat(reply).isInstanceOfSatisfying(Reply.Refusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.text()).doesNotContain("mailbox", "@example.com");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rebind.evil.example:8080",
                "rebind.evil.example",
                "localhost.:8080",
                "127.0.0.1.nip.example:8080",
                "localhost:8080, rebind.evil.example",
                "evil.example@localhost:8080",
                ""
            })
    void with_a_loopback_auth_url_a_foreign_host_gets_the_404_and_never_the_page(String host) {
        // AUTH_URL=http://localhost:... builds links without the request's Host, but a page of another site whose
        // name was re-pointed at 127.0.0.1 (DNS rebinding) connects from loopback and sends its own name: the
        // mailbox is for a browser that asked this machine by a loopback name only.
        AuthRouter router = router(development().url("http://localhost:8080/app"));
        router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "ann@example.com"));

        assertThat(mailbox(router, local().header("Host", host))).isEqualTo(new Reply.NotFound());
        assertThat(mailbox(router, local().header("Host", "localhost:8080"))).isInstanceOf(Reply.Html.class);
        assertThat(mailbox(router, local().header("Host", "127.0.0.1:8080"))).isInstanceOf(Reply.Html.class);
        assertThat(mailbox(router, local().header("Host", "[::1]:8080"))).isInstanceOf(Reply.Html.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"203.0.113.7", "192.168.1.20", "10.0.0.1", "::ffff:203.0.113.7", "fe80::1", "", "localhost"})
    void a_remote_client_gets_the_404_whatever_forwarding_headers_it_sends(String address) {
        AuthRouter router = router(development());
        router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "ann@example.com"));

        assertThat(mailbox(router, FakeExchange.get(Map.of()).from(address))).isEqualTo(new Reply.NotFound());
        FakeExchange spoofed = FakeExchange.get(Map.of())
                .from(address)
                .header("X-Forwarded-For", "127.0.0.1")
                .header("X-Real-IP", "127.0.0.1")
                .header("Forwarded", "for=127.0.0.1;host=localhost")
                .header("Host", "localhost:8080");
        assertThat(mailbox(router, spoofed)).isEqualTo(new Reply.NotFound());
    }

    @Test
    void an_unknown_client_address_gets_the_404() {
        assertThat(mailbox(router(development()), FakeExchange.get(Map.of()).from(null)))
                .isEqualTo(new Reply.NotFound());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "X-Forwarded-For",
                "Forwarded",
                "X-Forwarded-Host",
                "X-Forwarded-Proto",
                "X-Real-IP",
                "CF-Connecting-IP",
                "True-Client-IP",
                "Via",
                "$WSRA"
            })
    void a_loopback_connection_that_passed_a_proxy_or_tunnel_gets_the_404(String header) {
        // A tunnel on this machine (ngrok with --host-header=rewrite, VS Code's port forwarding) connects from
        // loopback with Host: localhost, but adds the client it serves: the page is not for that client.
        AuthRouter router = router(development());
        router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "ann@example.com"));
        FakeExchange tunnelled = local().header("Host", "localhost:8080").header(header, "203.0.113.7");

        assertThat(mailbox(router, tunnelled)).isEqualTo(new Reply.NotFound());
        assertThat(mailbox(router, local().header("Host", "localhost:8080"))).isInstanceOf(Reply.Html.class);
    }

    @Test
    void post_and_other_paths_below_dev_are_unknown() {
        AuthRouter router = router(development());

        assertThat(router.endpoint(FakeExchange.post(Map.of()).from("127.0.0.1"), Method.POST, "/dev/mailbox"))
                .isEqualTo(new Reply.NotFound());
        for (String path : List.of("/dev", "/dev/", "/dev/mailbox/x", "/dev/MAILBOX", "/dev/other")) {
            assertThat(router.endpoint(local(), Method.GET, path)).as(path).isEqualTo(new Reply.NotFound());
        }
    }

    @Test
    void the_loopback_decision_takes_address_literals_only() {
        for (String loopback :
                List.of("127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::1%lo", "::ffff:127.0.0.1")) {
            assertThat(DevelopmentMailboxPage.isLoopbackAddress(loopback))
                    .as(loopback)
                    .isTrue();
        }
        for (String other : List.of(
                "localhost", "127.0.0.1.evil.example", "[::1]", "0177.0.0.1", "128.0.0.1", "::2", " 127.0.0.1", "")) {
            assertThat(DevelopmentMailboxPage.isLoopbackAddress(other))
                    .as(other)
                    .isFalse();
        }
        assertThat(DevelopmentMailboxPage.isLoopbackAddress(null)).isFalse();
    }

    @Test
    void an_address_with_markup_characters_is_escaped() {
        AuthRouter router = router(development());
        // The characters the address check lets through in the local part: ' & / = { } ` ...
        router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "o'neil&x=`{1}`@example.com"));

        String page = ((Reply.Html) mailbox(router, local())).page();

        assertThat(page).contains("o&#39;neil&amp;x=`{1}`@example.com").doesNotContain("o'neil&x");
    }

    @Test
    void the_page_escapes_script_in_an_address_and_a_code() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(clock);
        mailbox.put(new VerificationEmail(
                "<script>alert(1)</script>@example.com",
                "noreply@example.com",
                BASE + "/api/auth/callback/email?email=%3Cscript%3E",
                "\"><img src=x onerror=alert(2)>",
                clock.instant().plusSeconds(600),
                "<b>1</b>"));

        String page = new BuiltInPages(Theme.defaults()).developmentMailbox(BASE, mailbox.mails());

        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;@example.com", "&quot;&gt;&lt;img", "&lt;b&gt;1")
                .doesNotContain("<script", "<img src=x", "<b>1");
    }
}
