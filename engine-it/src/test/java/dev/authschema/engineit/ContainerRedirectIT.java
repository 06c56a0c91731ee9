package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redirects the engine does not build itself: an application servlet's {@code sendRedirect("clock")}, the
 * container's own redirect of {@code /db} to {@code /db/}, and the authentication mechanism's redirect of a protected
 * resource to the sign-in page. The Servlet specification makes the container turn a URL that is not absolute into one built from the
 * request's {@code Host} (or the authority of an absolute-form request target), which the client chooses, so a
 * request naming {@code evil.example} was sent to {@code http://evil.example/...}: a poisoned redirect that a shared
 * cache may hand to every user. The runtime's filter answers an application's {@code sendRedirect} with a path-only
 * {@code Location}, which the browser resolves against the URL it asked for, and answers {@code /db} itself the same
 * way; the mechanism uses the trusted base URL.
 */
@ExtendWith(ItServers.class)
class ContainerRedirectIT {

    private static final String EVIL = "evil.example";
    private static final String REAL_HOST = URI.create(ItServers.serverUrl()).getAuthority();

    /** The same GET twice: {@code Host: evil.example}, and the absolute form naming it with an honest Host. */
    private static List<Browser.Response> withEvilHost(String path) {
        return List.of(
                RawHttp.sendLines("GET", path, List.of("Host: " + EVIL), null),
                RawHttp.sendLines("GET", "http://" + EVIL + path, List.of("Host: " + REAL_HOST), null),
                RawHttp.sendLines(
                        "GET",
                        path,
                        List.of("Host: " + REAL_HOST, "$WSSN: " + EVIL, "X-Forwarded-Host: " + EVIL),
                        null));
    }

    /** The {@code Location} header as sent, not resolved against the request's URL. */
    private static String rawLocation(Browser.Response response) {
        List<String> values = response.headers().getOrDefault("location", List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private static void redirectsTo(String path, String expectedLocation) {
        for (Browser.Response response : withEvilHost(path)) {
            Checks.clean(response);
            assertThat(response.status()).as("%s", response).isEqualTo(302);
            assertThat(rawLocation(response))
                    .as("%s", response)
                    .doesNotContain(EVIL)
                    .isEqualTo(expectedLocation);
        }
    }

    @Test
    void an_application_servlets_relative_redirect_names_no_host() {
        JsonObject before = Database.dump();
        redirectsTo("/db/test/redirect?kind=path", "/db/test/clock");
        redirectsTo("/db/test/redirect?kind=relative", "/db/test/clock?from=redirect");
        redirectsTo("/db/test/redirect?kind=parent", "/db/api/auth/session");
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void the_redirect_of_the_context_root_to_its_slash_names_no_host() {
        redirectsTo("/db", "/db/");
        redirectsTo("/jwt?x=1", "/jwt/?x=1");
    }

    /**
     * The mechanism redirects with {@code sendRedirect} (Jakarta Security's {@code redirect}), so it builds the URL
     * from the engine's trusted base: on {@code /dev} (loopback hosts only) a foreign {@code Host} gets 400, and the
     * absolute form or {@code $WSSN}/{@code X-Forwarded-Host} with an honest {@code Host} go to that host.
     */
    @Test
    void the_sign_in_redirect_of_a_protected_resource_names_no_host() {
        JsonObject before = Database.dump();
        List<Browser.Response> responses = withEvilHost("/dev/test/protected?tab=1");
        Browser.Response foreignHost = responses.get(0);
        Checks.clean(foreignHost);
        assertThat(foreignHost.status()).as("%s", foreignHost).isEqualTo(400);
        assertThat(rawLocation(foreignHost)).isEmpty();
        assertThat(foreignHost.body()).doesNotContain(EVIL);
        for (Browser.Response response : responses.subList(1, responses.size())) {
            Checks.clean(response);
            assertThat(response.status()).as("%s", response).isEqualTo(302);
            assertThat(rawLocation(response))
                    .as("%s", response)
                    .doesNotContain(EVIL)
                    .isEqualTo(ItServers.serverUrl()
                            + "/dev/test/sign-in-page?callbackUrl=%2Fdev%2Ftest%2Fprotected%3Ftab%3D1");
        }
        // Sent before any filter runs: the mechanism adds the hardening headers itself.
        for (Browser.Response response : List.of(
                foreignHost,
                responses.get(1),
                RawHttp.sendLines("GET", "/db/test/protected", List.of("Host: " + REAL_HOST), null))) {
            assertThat(response.status()).as("%s", response).isIn(302, 400, 401);
            assertThat(response.headers().get("x-content-type-options"))
                    .as("%s", response)
                    .containsExactly("nosniff");
            assertThat(response.headers().get("x-frame-options"))
                    .as("%s", response)
                    .containsExactly("DENY");
            WebHardeningIT.noStore(response);
        }
        Checks.serverLogged("this request names the host 'evil.example'");
        assertThat(Database.dump()).isEqualTo(before);
    }
}
