package dev.authschema.engine.actions;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.engine.crypto.Digests;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.model.ActiveSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sessions API: the signed-in user's live database sessions ({@code GET /api/auth/sessions},
 * {@code AuthService.sessions}) and ending one of them ({@code POST /api/auth/sessions/end},
 * {@code AuthService.endSession}).
 *
 * <p>A session is named by its handle, {@code base64url(HMAC-SHA-256(secret, "session-handle:" + token))} under the
 * current secret, never by its token. Ending one lists the caller's own sessions again and ends the one whose handle
 * matches (compared in constant time, under every secret of the ring, so that a page rendered before a rotation still
 * works): a handle of another user's session, a forged or a stale one ends nothing.
 *
 * <p>The JSON shows each session's {@code handle}, {@code expires} and {@code current}, and of the extra fields only
 * {@link #SHOWN_EXTRAS}, the documented convention for where a session came from, when they are text. Other extra
 * fields stay on the server ({@code AuthService.sessions} has them all): an application may keep there what the
 * browser should not see.
 */
public final class Sessions {

    /** The form field of {@code POST /api/auth/sessions/end}. */
    public static final String HANDLE_FIELD = "handle";

    /** The extra fields that {@code GET /api/auth/sessions} shows, when a session has them as text. */
    public static final List<String> SHOWN_EXTRAS = List.of("userAgent", "ipAddress");

    private static final String PURPOSE = "session-handle:";

    private Sessions() {}

    /**
     * @param context  the engine's parts
     * @param exchange the request and response
     * @return the caller's user's live sessions, the one that ends last first; empty when signed out
     * @throws IllegalStateException with JWT sessions or an adapter without {@code AdapterMaintenance}
     */
    static List<ActiveSession> list(ActionContext context, HttpExchange exchange) {
        List<AdapterSession> own = context.sessions().ownSessions(exchange);
        if (own.isEmpty()) {
            return List.of();
        }
        Optional<String> cookie =
                exchange.cookie(context.cookies().names(exchange).sessionToken());
        SecretRing secrets = context.config().secrets();
        List<ActiveSession> listed = new ArrayList<>(own.size());
        for (AdapterSession session : own) {
            listed.add(new ActiveSession(
                    handle(secrets.current(), session.sessionToken()),
                    session.expires(),
                    cookie.filter(session.sessionToken()::equals).isPresent(),
                    session.extras()));
        }
        return listed;
    }

    /**
     * @param context  the engine's parts
     * @param exchange the request and response (ending the caller's own session clears its cookie)
     * @param handle   a handle from {@link #list} (untrusted)
     * @return whether a session was ended
     * @throws IllegalStateException with JWT sessions or an adapter without {@code AdapterMaintenance}
     */
    static boolean end(ActionContext context, HttpExchange exchange, String handle) {
        if (handle == null || handle.isEmpty()) {
            return false;
        }
        SecretRing secrets = context.config().secrets();
        return context.sessions().endOwnSession(exchange, session -> matches(secrets, handle, session.sessionToken()));
    }

    /** {@code GET /api/auth/sessions}'s body: {@code {"sessions": [{handle, expires, current, ...}]}}. */
    static Map<String, Object> json(List<ActiveSession> sessions) {
        List<Map<String, Object>> list = new ArrayList<>(sessions.size());
        for (ActiveSession session : sessions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("handle", session.handle());
            entry.put("expires", session.expires().toString());
            entry.put("current", session.current());
            for (String name : SHOWN_EXTRAS) {
                if (session.extras().get(name) instanceof String text) {
                    entry.put(name, text);
                }
            }
            list.add(entry);
        }
        return Map.of("sessions", list);
    }

    private static String handle(String secret, String token) {
        return Digests.hmacSha256Base64Url(secret, PURPOSE + token);
    }

    /** Tries every secret, and every one to the end: the time taken says nothing about which matched. */
    private static boolean matches(SecretRing secrets, String handle, String token) {
        boolean matched = false;
        for (String secret : secrets.all()) {
            matched |= Digests.constantTimeEquals(handle, handle(secret, token));
        }
        return matched;
    }
}
