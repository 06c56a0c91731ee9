package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The development mailbox page {@code GET /api/auth/dev/mailbox} in the real server. {@code /devmail} runs in
 * development mode without any mail server: a requested link appears on the page and signs in. {@code /db}
 * (production) and {@code /dev} (development with a mail session) answer the 404 of an unknown path; headers that
 * claim a local client or host do not open it there; on {@code /devmail} a proxy's or tunnel's forwarding headers
 * close it (the 404); other methods are refused and change nothing.
 *
 * <p>The server listens on 127.0.0.1 only, so every request here comes from loopback: the refusal of a remote
 * connection is shown by the unit test {@code DevelopmentMailboxRouteTest} (a fake exchange with other addresses).
 */
@ExtendWith(ItServers.class)
class DevelopmentMailboxIT {

    private static final String PATH = "/api/auth/dev/mailbox";

    /** The server's own authority, as an honest browser sends it. */
    private static final String REAL_HOST =
            java.net.URI.create(ItServers.serverUrl()).getAuthority();

    /** Headers by which a client claims to be someone else, somewhere else. */
    private static final Map<String, String> LOCAL_CLAIMS = Map.of(
            "X-Forwarded-For", "127.0.0.1",
            "Forwarded", "for=127.0.0.1;host=localhost;proto=http",
            "X-Real-IP", "127.0.0.1",
            "X-Forwarded-Host", "localhost",
            "$WSRA", "127.0.0.1",
            "$WSRH", "localhost");

    private static final Map<String, String> REMOTE_CLAIMS = Map.of(
            "X-Forwarded-For", "203.0.113.7",
            "Forwarded", "for=203.0.113.7",
            "X-Real-IP", "203.0.113.7",
            "$WSRA", "203.0.113.7",
            "$WSRH", "remote.example");

    private static String header(Browser.Response response, String name) {
        return response.headers().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .orElse(null);
    }

    /** The sign-in link listed for this address on the page, unescaped. */
    private static String linkFor(String page, String email) {
        Matcher section = Pattern.compile("<section class=\"mail\">(.*?)</section>", Pattern.DOTALL)
                .matcher(page);
        while (section.find()) {
            String mail = section.group(1);
            if (mail.contains(">" + email + "<")) {
                Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(mail);
                assertThat(href.find()).as("a link in %s", mail).isTrue();
                return href.group(1).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
            }
        }
        throw new AssertionError("no mail to " + email + " on the page: " + page);
    }

    private static Browser.Response raw(String method, String context, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", REAL_HOST);
        headers.putAll(extra);
        return RawHttp.send(method, context + PATH, headers, null);
    }

    @Test
    void a_requested_link_appears_on_the_mailbox_page_and_signs_in() {
        Browser browser = new Browser(ItServers.DEVMAIL);
        String email = Checks.uniqueEmail("mailbox");

        Browser.Response requested = browser.requestLink(email, null);
        assertThat(requested.status()).as("%s", requested).isEqualTo(302);
        assertThat(requested.location()).doesNotContain("error=");

        Browser.Response page = new Browser(ItServers.DEVMAIL).get(PATH);
        Checks.clean(page);
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(header(page, "Content-Type")).startsWith("text/html");
        assertThat(header(page, "Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).contains("Development mailbox", email, "Sign in to 127.0.0.1");
        String link = linkFor(page.body(), email);
        assertThat(link).startsWith(ItServers.serverUrl() + ItServers.DEVMAIL + "/api/auth/callback/email?");
        Checks.serverLogged("the sign-in link, instead of an e-mail");

        Browser.Response confirmed = browser.confirmLink(link);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(302);
        assertThat(confirmed.location()).doesNotContain("error=");
        assertThat(browser.sessionEmail()).contains(email);
        assertThat(Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)).hasSize(1);
    }

    @Test
    void a_requested_code_appears_on_the_mailbox_page() {
        Browser browser = new Browser(ItServers.DEVMAIL);
        String email = Checks.uniqueEmail("mailbox-code");
        Browser.Response requested =
                browser.post("/api/auth/signin/email-code", Map.of("csrfToken", browser.csrf(), "email", email));
        assertThat(requested.status()).as("%s", requested).isEqualTo(302);

        String page = new Browser(ItServers.DEVMAIL).get(PATH).body();

        Matcher section = Pattern.compile(
                        "<section class=\"mail\"><p>To <strong class=\"to\">" + Pattern.quote(email)
                                + "</strong></p>.*?<p class=\"code\">([^<]+)</p>",
                        Pattern.DOTALL)
                .matcher(page);
        assertThat(section.find()).as(page).isTrue();
        assertThat(section.group(1)).isNotBlank();
    }

    @Test
    void production_and_development_with_a_mail_server_answer_the_404_of_an_unknown_path() {
        for (String context : List.of(ItServers.DB, ItServers.DEV, ItServers.JWT, ItServers.PROXY)) {
            Browser.Response mailbox = new Browser(context).get(PATH);
            Browser.Response unknown = new Browser(context).get("/api/auth/dev/no-such-page");

            assertThat(mailbox.status()).as("%s", mailbox).isEqualTo(404);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(mailbox.body().replace("mailbox", ""))
                    .isEqualTo(unknown.body().replace("no-such-page", ""));
            assertThat(header(mailbox, "Content-Type")).isEqualTo(header(unknown, "Content-Type"));
            assertThat(mailbox.body().toLowerCase(Locale.ROOT)).doesNotContain("development mailbox");
        }
    }

    @Test
    void headers_claiming_a_local_client_do_not_open_it_in_production() {
        JsonObject before = Database.dump();
        for (Map.Entry<String, String> claim : LOCAL_CLAIMS.entrySet()) {
            for (String context : List.of(ItServers.DB, ItServers.DEV)) {
                Browser.Response response = raw("GET", context, Map.of(claim.getKey(), claim.getValue()));
                assertThat(response.status()).as("%s %s", context, claim).isEqualTo(404);
            }
        }
        assertThat(raw("GET", ItServers.DB, LOCAL_CLAIMS).status()).isEqualTo(404);
        assertThat(raw("GET", ItServers.DB, Map.of("Host", "localhost")).status())
                .isEqualTo(404);
        assertThat(raw("GET", ItServers.DB, Map.of("Host", "127.0.0.1")).status())
                .isEqualTo(404);
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void a_loopback_connection_that_passed_a_proxy_or_tunnel_gets_the_404_of_an_unknown_path() {
        // A tunnel or proxy on the developer's machine (ngrok with --host-header=rewrite, VS Code's or Codespaces'
        // port forwarding, a local nginx) connects from 127.0.0.1 with Host: localhost and adds the client it
        // serves: the page is not for that client. A header can only close the page, never open it.
        Browser browser = new Browser(ItServers.DEVMAIL);
        String email = Checks.uniqueEmail("mailbox-tunnel");
        assertThat(browser.requestLink(email, null).status()).isEqualTo(302);
        JsonObject before = Database.dump();
        Browser.Response honest = raw("GET", ItServers.DEVMAIL, Map.of());
        Browser.Response unknown =
                RawHttp.send("GET", ItServers.DEVMAIL + "/api/auth/dev/no-such-page", Map.of("Host", REAL_HOST), null);
        assertThat(honest.status()).as("%s", honest).isEqualTo(200);
        assertThat(honest.body()).contains(email);

        Map<String, String> ngrok = Map.of(
                "Host",
                        "localhost:"
                                + java.net.URI.create(ItServers.serverUrl()).getPort(),
                "X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Host", "abc123.ngrok-free.example",
                "X-Forwarded-Proto", "https");
        for (Map<String, String> claim :
                List.of(REMOTE_CLAIMS, ngrok, Map.of("Via", "1.1 proxy"), Map.of("CF-Connecting-IP", "203.0.113.7"))) {
            for (Map.Entry<String, String> header : claim.entrySet()) {
                if (header.getKey().equals("Host") || header.getKey().startsWith("$")) {
                    continue; // a loopback Host alone is honest; Liberty keeps its private headers from clients
                }
                Browser.Response response = raw("GET", ItServers.DEVMAIL, Map.of(header.getKey(), header.getValue()));
                assertThat(response.status()).as("%s", header).isEqualTo(404);
                assertThat(response.body()).as("%s", header).doesNotContain(email, "callback/email");
            }
            Browser.Response all = raw("GET", ItServers.DEVMAIL, claim);
            Checks.clean(all);
            assertThat(all.status()).as("%s", claim).isEqualTo(404);
            assertThat(all.body().replace("mailbox", ""))
                    .isEqualTo(unknown.body().replace("no-such-page", ""));
            assertThat(header(all, "Content-Type")).isEqualTo(header(unknown, "Content-Type"));
        }
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(raw("GET", ItServers.DEVMAIL, Map.of()).body()).contains(email);
    }

    @Test
    void a_foreign_host_is_refused_by_the_trusted_base_url_and_never_shown_the_page() {
        // Development without AUTH_URL builds links only for loopback hosts: a page of another site re-pointed at
        // 127.0.0.1 (DNS rebinding) sends its own host name and gets the engine's 400, not the mailbox.
        JsonObject before = Database.dump();

        Browser.Response rebound = raw("GET", ItServers.DEVMAIL, Map.of("Host", "rebind.evil.example:27080"));

        Checks.clean(rebound);
        assertThat(rebound.status()).as("%s", rebound).isEqualTo(400);
        assertThat(rebound.body()).doesNotContain("Development mailbox", "@engine-it.test", "callback/email");
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void post_and_other_methods_are_refused_and_change_nothing() {
        Browser browser = new Browser(ItServers.DEVMAIL);
        String email = Checks.uniqueEmail("mailbox-methods");
        assertThat(browser.requestLink(email, null).status()).isEqualTo(302);
        String pageBefore = new Browser(ItServers.DEVMAIL).get(PATH).body();
        JsonObject before = Database.dump();

        Browser.Response post = browser.post(PATH, Map.of("csrfToken", browser.csrf(), "email", email));
        Browser.Response bare = new Browser(ItServers.DEVMAIL).post(PATH, Map.of());
        assertThat(post.status()).as("%s", post).isEqualTo(404);
        assertThat(bare.status()).as("%s", bare).isEqualTo(404);
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            Browser.Response response = new Browser(ItServers.DEVMAIL).method(method, PATH);
            assertThat(response.status()).as("%s %s", method, response).isEqualTo(405);
            assertThat(response.body()).doesNotContain(email);
        }
        Browser.Response trace = raw("TRACE", ItServers.DEVMAIL, Map.of());
        assertThat(trace.status()).as("%s", trace).isIn(403, 405);
        assertThat(trace.body()).doesNotContain(email);

        assertThat(Database.dump()).isEqualTo(before);
        assertThat(new Browser(ItServers.DEVMAIL).get(PATH).body()).isEqualTo(pageBefore);
    }
}
