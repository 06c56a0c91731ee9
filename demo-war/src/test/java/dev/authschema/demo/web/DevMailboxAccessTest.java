package dev.authschema.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The development mailbox: development mode, a loopback peer, and no proxy in between. */
class DevMailboxAccessTest {

    @Test
    void a_browser_on_this_machine_of_a_development_server_sees_it() {
        assertThat(DevMailboxAccess.allowed(true, "127.0.0.1", List.of("Host", "User-Agent", "Cookie")))
                .isTrue();
        assertThat(DevMailboxAccess.allowed(true, "0:0:0:0:0:0:0:1", List.of("Host")))
                .isTrue();
        assertThat(DevMailboxAccess.allowed(true, "::1", List.of())).isTrue();
        assertThat(DevMailboxAccess.allowed(true, "127.0.0.2", List.of())).isTrue();
    }

    @Test
    void outside_development_nobody_does() {
        assertThat(DevMailboxAccess.allowed(false, "127.0.0.1", List.of("Host")))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.168.1.20",
                "10.0.0.1",
                "203.0.113.7",
                "::ffff:203.0.113.7",
                "fe80::1",
                "",
                " ",
                "localhost",
                "127.0.0.1.evil.example",
                "not-an-address"
            })
    void a_remote_or_unreadable_peer_does_not(String peer) {
        assertThat(DevMailboxAccess.allowed(true, peer, List.of("Host"))).isFalse();
    }

    @Test
    void a_null_peer_does_not() {
        assertThat(DevMailboxAccess.allowed(true, null, List.of())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "X-Forwarded-For",
                "x-forwarded-for",
                "Forwarded",
                "X-Real-IP",
                "X-Forwarded-Host",
                "X-Forwarded-Server",
                "Via",
                "$WSRA",
                "$WSSC"
            })
    void forwarding_headers_never_make_it_reachable_and_even_close_it_for_loopback(String header) {
        // A remote client claiming to be local:
        assertThat(DevMailboxAccess.allowed(true, "203.0.113.7", List.of("Host", header)))
                .isFalse();
        // A local proxy forwarding someone else:
        assertThat(DevMailboxAccess.allowed(true, "127.0.0.1", List.of("Host", header)))
                .isFalse();
    }

    @Test
    void headers_hidden_from_the_name_list_are_found_by_name() {
        assertThat(DevMailboxAccess.allowed(
                        true,
                        "127.0.0.1",
                        name -> "$WSRA".equals(name) ? "127.0.0.1" : null,
                        java.util.Collections.enumeration(List.of("Host"))))
                .isFalse();
        assertThat(DevMailboxAccess.allowed(
                        true,
                        "127.0.0.1",
                        name -> "Host".equals(name) ? "127.0.0.1:9080" : null,
                        java.util.Collections.enumeration(List.of("Host"))))
                .isTrue();
    }

    @Test
    void a_rebound_host_name_is_refused_even_from_loopback() {
        for (String host : new String[] {
            "rebind.evil.example:9080",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "0177.0.0.1:9080",
            "",
            "evil.example@localhost"
        }) {
            assertThat(DevMailboxAccess.allowed(
                            true,
                            "127.0.0.1",
                            name -> "Host".equals(name) ? host : null,
                            java.util.Collections.enumeration(List.of("Host"))))
                    .as(host)
                    .isFalse();
        }
        assertThat(DevMailboxAccess.allowed(
                        true, "127.0.0.1", name -> null, java.util.Collections.enumeration(List.of())))
                .as("no Host")
                .isFalse();
        for (String host : new String[] {"localhost:9080", "127.0.0.1", "[::1]:9080", "LOCALHOST"}) {
            assertThat(DevMailboxAccess.allowed(
                            true,
                            "127.0.0.1",
                            name -> "Host".equals(name) ? host : null,
                            java.util.Collections.enumeration(List.of("Host"))))
                    .as(host)
                    .isTrue();
        }
    }
}
