package dev.authschema.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.engine.testing.FakeExchange;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the base URL of links and redirects comes from, and which request hosts are refused. */
class TrustedBaseUrlTest {

    private static FakeExchange request(String host) {
        FakeExchange exchange = new FakeExchange("POST", Map.of(), false, "http://" + host + "/app");
        return host == null ? exchange : exchange.header("Host", host);
    }

    @Test
    void auth_url_wins_over_every_header() {
        TrustedBaseUrl base = new TrustedBaseUrl("https://example.com/app", true);

        assertThat(base.of(request("evil.example")
                        .header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "http")
                        .header("$WSSN", "evil.example")))
                .isEqualTo("https://example.com/app");
    }

    @Test
    void in_development_loopback_hosts_are_taken_from_the_request() {
        TrustedBaseUrl base = new TrustedBaseUrl(null, false);

        assertThat(base.of(request("localhost:9080"))).isEqualTo("http://localhost:9080/app");
        assertThat(base.of(request("127.0.0.1:9080"))).isEqualTo("http://127.0.0.1:9080/app");
        assertThat(base.of(request("127.1.2.3"))).isEqualTo("http://127.1.2.3/app");
        assertThat(base.of(request("[::1]:9080"))).isEqualTo("http://[::1]:9080/app");
        assertThat(base.of(request("LOCALHOST"))).isEqualTo("http://localhost/app");
    }

    @Test
    void in_development_any_other_host_is_refused_with_what_to_set() {
        TrustedBaseUrl base = new TrustedBaseUrl(null, false);

        for (String host : new String[] {
            "evil.example",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "0127.0.0.1",
            "10.0.0.1:9080",
            "[::2]",
            "evil.example@127.0.0.1",
            "127.0.0.1/evil",
            "",
            " "
        }) {
            assertThatThrownBy(() -> base.of(request(host)))
                    .as(host)
                    .isInstanceOf(UntrustedHostException.class)
                    .hasMessageContaining("Set AUTH_URL");
        }
    }

    @Test
    void in_development_forwarded_headers_are_ignored() {
        TrustedBaseUrl base = new TrustedBaseUrl(null, false);

        assertThat(base.of(request("127.0.0.1:9080")
                        .header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https")))
                .isEqualTo("http://127.0.0.1:9080/app");
    }

    @Test
    void a_refused_host_is_logged_printable_and_short() {
        TrustedBaseUrl base = new TrustedBaseUrl(null, false);

        assertThatThrownBy(() -> base.of(request("evil.example\r\nX-Injected: 1" + "a".repeat(300))))
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("\r", "\n").hasSizeLessThan(600));
    }

    @Test
    void with_trust_host_the_forwarded_host_and_proto_are_used() {
        TrustedBaseUrl base = new TrustedBaseUrl(null, true);

        assertThat(base.of(request("10.0.0.5:8080")
                        .header("X-Forwarded-Host", "auth.example.com")
                        .header("X-Forwarded-Proto", "https")))
                .isEqualTo("https://auth.example.com/app");
        assertThat(base.of(request("app.example.com"))).isEqualTo("http://app.example.com/app");
    }

    @Test
    void with_trust_host_several_values_are_refused_since_a_proxy_may_have_appended_to_the_clients() {
        TrustedBaseUrl base = new TrustedBaseUrl(null, true);

        assertThatThrownBy(() -> base.of(request("10.0.0.5").header("X-Forwarded-Host", "evil.example, a.example")))
                .isInstanceOf(UntrustedHostException.class)
                .hasMessageContaining("several X-Forwarded-Host values")
                .hasMessageContaining("replace");
        assertThatThrownBy(() -> base.of(request("a.example").header("X-Forwarded-Proto", "http, https")))
                .isInstanceOf(UntrustedHostException.class)
                .hasMessageContaining("several X-Forwarded-Proto values");
    }

    @Test
    void with_trust_host_malformed_headers_are_refused() {
        TrustedBaseUrl base = new TrustedBaseUrl(null, true);

        assertThatThrownBy(() -> base.of(request("x").header("X-Forwarded-Host", "evil.example/path")))
                .isInstanceOf(UntrustedHostException.class)
                .hasMessageContaining("X-Forwarded-Host");
        assertThatThrownBy(() -> base.of(request("x.example").header("X-Forwarded-Proto", "javascript")))
                .isInstanceOf(UntrustedHostException.class)
                .hasMessageContaining("X-Forwarded-Proto");
    }

    @Test
    void loopback_recognition() {
        assertThat(HostNames.isLoopback("127.255.255.254")).isTrue();
        assertThat(HostNames.isLoopback("::1")).isTrue();
        assertThat(HostNames.isLoopback("[0:0:0:0:0:0:0:1]")).isTrue();
        assertThat(HostNames.isLoopback("128.0.0.1")).isFalse();
        assertThat(HostNames.isLoopback("127.0.0.256")).isFalse();
        assertThat(HostNames.isLoopback("localhost.")).isFalse();
        assertThat(HostNames.isLoopback("example.com")).isFalse();
        // Forms that some resolvers or browsers read as 127.0.0.1 are not recognised, so they are refused.
        assertThat(HostNames.isLoopback("127.1")).isFalse();
        assertThat(HostNames.isLoopback("2130706433")).isFalse();
        assertThat(HostNames.isLoopback("0x7f.0.0.1")).isFalse();
        assertThat(HostNames.isLoopback("::ffff:127.0.0.1")).isTrue();
        // Not a literal: false, and never looked up in DNS.
        assertThat(HostNames.isLoopback("[a:b]")).isFalse();
        assertThat(HostNames.isLoopback("[::1%25lo]")).isFalse();
    }
}
