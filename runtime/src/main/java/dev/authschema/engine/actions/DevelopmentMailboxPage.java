package dev.authschema.engine.actions;

import dev.authschema.engine.http.HostNames;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.mail.DevelopmentMailbox;
import dev.authschema.engine.pages.BuiltInPages;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/auth/dev/mailbox}: the sign-in e-mails of a development server without a mail server
 * ({@link DevelopmentMailbox}), for a browser on the server's own machine. Anyone else gets the 404 of an unknown
 * path, so the page's existence is not revealed: outside development mode, with a real mail sender (a provider's own
 * sender, {@code AUTH_EMAIL_SERVER} or the container's mail session), and for a client whose connection does not come
 * from a loopback address. The address is the connection's ({@link HttpExchange#clientAddress()}, the servlet's
 * {@code getRemoteAddr()}); no header is read for the decision, so {@code X-Forwarded-For}, {@code Forwarded} or
 * {@code Host} cannot open it.
 */
final class DevelopmentMailboxPage {

    private DevelopmentMailboxPage() {}

    static Reply page(ActionContext context, HttpExchange exchange) {
        Optional<DevelopmentMailbox> mailbox = context.developmentMailbox();
        if (mailbox.isEmpty() || !isLoopbackAddress(exchange.clientAddress())) {
            return new Reply.NotFound();
        }
        String base = context.baseUrl(exchange);
        return new Reply.Html(
                200,
                new BuiltInPages(context.config().theme())
                        .developmentMailbox(base, mailbox.get().mails()),
                Map.of("Cache-Control", "no-store", "Referrer-Policy", "no-referrer"));
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
