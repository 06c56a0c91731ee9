package dev.authschema.engine.actions;

import dev.authschema.engine.http.HostNames;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.mail.DevelopmentMailbox;
import dev.authschema.engine.pages.BuiltInPages;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/auth/dev/mailbox}: the sign-in e-mails of a development server without a mail server
 * ({@link DevelopmentMailbox}), for a browser on the server's own machine. Anyone else gets the 404 of an unknown
 * path, so the page's existence is not revealed: outside development mode, with a real mail sender (a provider's own
 * sender, {@code AUTH_EMAIL_SERVER} or the container's mail session), and for a client whose connection does not come
 * from a loopback address. The address is the connection's ({@link HttpExchange#clientAddress()}, the servlet's
 * {@code getRemoteAddr()}); no header is read to open it, so {@code X-Forwarded-For}, {@code Forwarded} or
 * {@code Host} cannot. Headers can only close it: a request that names another host than a loopback one (a page of
 * another site re-pointed at 127.0.0.1, DNS rebinding), or that carries a proxy's forwarding header (a tunnel or
 * proxy on this machine, whose connections all come from loopback), gets the 404 too.
 */
final class DevelopmentMailboxPage {

    private DevelopmentMailboxPage() {}

    static Reply page(ActionContext context, HttpExchange exchange) {
        Optional<DevelopmentMailbox> mailbox = context.developmentMailbox();
        if (mailbox.isEmpty() || !isLoopbackAddress(exchange.clientAddress()) || passedAProxy(exchange)) {
            return new Reply.NotFound();
        }
        String base = context.baseUrl(exchange);
        if (!namesLoopbackHost(exchange)) {
            return new Reply.NotFound();
        }
        return new Reply.Html(
                200,
                new BuiltInPages(context.config().theme())
                        .developmentMailbox(base, mailbox.get().mails()),
                Map.of("Cache-Control", "no-store", "Referrer-Policy", "no-referrer"));
    }

    /**
     * Whether the request carries a header that proxies and tunnels add (ngrok, cloudflared, VS Code's and
     * Codespaces' port forwarding, a local nginx): they connect from loopback, and some rewrite the {@code Host} to
     * {@code localhost}, so the connection says nothing about the browser behind them. A header can only close the
     * page, never open it; a tunnel that adds none (a raw TCP forward such as {@code ssh -R}) is not detected.
     */
    private static boolean passedAProxy(HttpExchange exchange) {
        return PROXY_HEADERS.stream().anyMatch(name -> !exchange.headers(name).isEmpty());
    }

    /** The headers by which a proxy or tunnel passes on the client it serves. */
    static final List<String> PROXY_HEADERS = List.of(
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Host",
            "X-Forwarded-Proto",
            "X-Forwarded-Port",
            "X-Forwarded-Server",
            "X-Forwarded-Prefix",
            "X-Original-Forwarded-For",
            "X-Real-IP",
            "X-Client-IP",
            "X-Cluster-Client-IP",
            "True-Client-IP",
            "Client-IP",
            "CF-Connecting-IP",
            "Fastly-Client-IP",
            "Via",
            "$WSRA",
            "$WSRH");

    /**
     * Whether the request asked for this machine by a loopback name: one {@code Host} that is {@code localhost},
     * {@code 127.0.0.0/8} or {@code [::1]} with any port (without a {@code Host}, as HTTP/1.0, the authority the
     * exchange reports, as for the trusted base URL). A page of another site whose name an attacker re-pointed at
     * 127.0.0.1 (DNS rebinding) connects from loopback, but its requests carry its own name; with
     * {@code AUTH_URL=http://localhost:...} the trusted base URL does not look at the {@code Host}, so this does. The
     * header can only close the page, never open it: a client that sends another one just gets the 404.
     */
    private static boolean namesLoopbackHost(HttpExchange exchange) {
        List<String> hosts = exchange.headers("Host");
        String raw;
        if (hosts.isEmpty()) {
            raw = URI.create(exchange.baseUrl()).getRawAuthority();
        } else if (hosts.size() == 1) {
            raw = hosts.get(0);
        } else {
            return false;
        }
        return HostNames.authority(raw)
                .map(HostNames::host)
                .filter(HostNames::isLoopback)
                .isPresent();
    }

    /**
     * Whether a connection's peer address is a loopback address: {@code 127.0.0.0/8} or {@code ::1} (also
     * IPv4-mapped), as an address literal; a name (even {@code localhost}) or anything unreadable is not.
     *
     * @param address the connection's peer address, or {@code null}
     */
    static boolean isLoopbackAddress(String address) {
        if (address == null || address.isEmpty() || address.startsWith("[")) {
            return false;
        }
        String literal = address;
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.indexOf(':') >= 0) {
            literal = literal.substring(0, zone); // an IPv6 scope (::1%lo) names the interface, not the host
        }
        if (!literal.matches("[0-9a-fA-F.:]+")) {
            return false; // never a name: HostNames would accept "localhost", and nothing here resolves names
        }
        return HostNames.isLoopback(literal.indexOf(':') >= 0 ? "[" + literal + "]" : literal);
    }
}
