package dev.authschema.engine.session;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.crypto.RandomTokens;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.CookiePolicy;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Database sessions: the cookie holds a random token, the session row the user and expiry. A read extends the expiry
 * to {@code now + maxAge} only once {@code updateAge} has passed since the last extension, so most reads cost one
 * SELECT and no write.
 */
public final class DatabaseSessionStore implements SessionStore {

    private final AuthAdapter adapter;
    private final Duration maxAge;
    private final Duration updateAge;
    private final Clock clock;
    private final CookiePolicy cookiePolicy;
    private final FlowLog log;

    /**
     * @param adapter       the adapter, with sessions
     * @param maxAge        how long an unused session lives
     * @param updateAge     how often at most the expiry is extended
     * @param clock         the clock
     * @param cookiePolicy  the cookies' names and flags for an exchange
     * @param log           the flow log
     */
    public DatabaseSessionStore(
            AuthAdapter adapter,
            Duration maxAge,
            Duration updateAge,
            Clock clock,
            CookiePolicy cookiePolicy,
            FlowLog log) {
        this.adapter = adapter;
        this.maxAge = maxAge;
        this.updateAge = updateAge;
        this.clock = clock;
        this.cookiePolicy = cookiePolicy;
        this.log = log;
    }

    @Override
    public Optional<AuthSession> read(HttpExchange exchange) {
        AuthCookies cookies = cookiePolicy.names(exchange);
        Optional<String> token = exchange.cookie(cookies.sessionToken()).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionAndUser> found = adapter.getSessionAndUser(token.get());
        if (found.isEmpty()) {
            log.debug(() -> "session cookie matches no session; clearing it");
            cookiePolicy.delete(exchange, AuthCookies::sessionToken);
            return Optional.empty();
        }
        AdapterSession session = found.get().session();
        Instant now = clock.instant();
        if (!session.expires().isAfter(now)) {
            log.debug(
                    () -> "session of user " + session.userId() + " expired at " + session.expires() + "; deleting it");
            adapter.deleteSession(session.sessionToken());
            cookiePolicy.delete(exchange, AuthCookies::sessionToken);
            return Optional.empty();
        }
        Instant expires = session.expires();
        if (isDueForExtension(expires, now)) {
            Instant extended = expiryFrom(now);
            adapter.updateSession(SessionUpdate.of(session.sessionToken()).withExpires(extended));
            cookiePolicy.set(exchange, AuthCookies::sessionToken, session.sessionToken(), maxAge);
            log.debug(() -> "session of user " + session.userId() + " extended to " + extended);
            expires = extended;
        }
        return Optional.of(new AuthSession(SessionUsers.of(found.get().user()), expires));
    }

    /** In the milliseconds the adapter stores, so that the expiry a caller is told is the one in the database. */
    private Instant expiryFrom(Instant now) {
        return now.plus(maxAge).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The expiry was last set at {@code expires - maxAge}; extend once {@code updateAge} has passed since. */
    private boolean isDueForExtension(Instant expires, Instant now) {
        return !now.isBefore(expires.minus(maxAge).plus(updateAge));
    }

    @Override
    public AuthSession start(HttpExchange exchange, AdapterUser user, AdapterAccount account, CallbackTrigger trigger) {
        AuthCookies cookies = cookiePolicy.names(exchange);
        exchange.cookie(cookies.sessionToken()).filter(t -> !t.isEmpty()).ifPresent(adapter::deleteSession);
        String token = RandomTokens.newToken();
        Instant expires = expiryFrom(clock.instant());
        adapter.createSession(AdapterSession.of(token, user.id(), expires));
        cookiePolicy.set(exchange, AuthCookies::sessionToken, token, maxAge);
        log.debug(() -> "new database session for user " + user.id() + " until " + expires);
        return new AuthSession(SessionUsers.of(user), expires);
    }

    /** The row holds nothing the data could change: the session callback gets the data and decides. */
    @Override
    public Optional<AuthSession> update(HttpExchange exchange, Map<String, Object> data) {
        return read(exchange);
    }

    @Override
    public Optional<String> end(HttpExchange exchange) {
        AuthCookies cookies = cookiePolicy.names(exchange);
        Optional<String> token = exchange.cookie(cookies.sessionToken()).filter(t -> !t.isEmpty());
        cookiePolicy.delete(exchange, AuthCookies::sessionToken);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> userId =
                adapter.getSessionAndUser(token.get()).map(found -> found.user().id());
        adapter.deleteSession(token.get());
        log.debug(() -> "signed out user " + userId.orElse("(unknown session)"));
        return userId;
    }

    @Override
    public int endOtherSessions(HttpExchange exchange) {
        if (!(adapter instanceof AdapterMaintenance maintenance)) {
            throw new UnsupportedOperationException(
                    "Signing out other sessions needs an adapter implementing " + AdapterMaintenance.class.getName()
                            + "; " + adapter.getClass().getName() + " does not");
        }
        AuthCookies cookies = cookiePolicy.names(exchange);
        Optional<String> token = exchange.cookie(cookies.sessionToken());
        Optional<AuthSession> current = read(exchange);
        if (current.isEmpty() || token.isEmpty()) {
            return 0;
        }
        int deleted = maintenance.deleteSessionsOfUser(current.get().user().id(), token.get());
        log.debug(() -> "ended " + deleted + " other sessions of user "
                + current.get().user().id());
        return deleted;
    }

    @Override
    public boolean listsSessions() {
        return adapter instanceof AdapterMaintenance;
    }

    @Override
    public List<AdapterSession> ownSessions(HttpExchange exchange) {
        AdapterMaintenance maintenance = maintenance();
        Optional<AuthSession> current = read(exchange);
        if (current.isEmpty()) {
            return List.of();
        }
        return maintenance.sessionsOfUser(current.get().user().id(), clock.instant());
    }

    @Override
    public boolean endOwnSession(HttpExchange exchange, Predicate<AdapterSession> which) {
        // Only the caller's own list is offered: never another user's session, whatever the caller sent.
        Optional<AdapterSession> own =
                ownSessions(exchange).stream().filter(which).findFirst();
        if (own.isEmpty()) {
            return false;
        }
        String sessionToken = own.get().sessionToken();
        adapter.deleteSession(sessionToken);
        Optional<String> cookie = exchange.cookie(cookiePolicy.names(exchange).sessionToken());
        if (cookie.filter(sessionToken::equals).isPresent()) {
            cookiePolicy.delete(exchange, AuthCookies::sessionToken);
        }
        log.debug(() -> "ended one session of user " + own.get().userId());
        return true;
    }

    private AdapterMaintenance maintenance() {
        if (adapter instanceof AdapterMaintenance maintenance) {
            return maintenance;
        }
        throw new IllegalStateException("Listing and ending sessions needs an adapter implementing "
                + AdapterMaintenance.class.getName() + "; " + adapter.getClass().getName()
                + " does not (the adapters authschema generates do)");
    }
}
