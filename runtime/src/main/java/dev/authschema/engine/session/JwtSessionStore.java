package dev.authschema.engine.session;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.config.JwtCallback;
import dev.authschema.engine.crypto.JweSealer;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.CookiePolicy;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.model.SessionUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * JWT sessions: the cookie holds an encrypted JWT (JWE {@code dir} + {@code A256CBC-HS512}, key from the secret by
 * HKDF with the cookie name as salt, as Auth.js) and no database is read. The token is re-issued with a new expiry
 * once {@code updateAge} has passed since it was issued, and at once when it was sealed with an older secret of the
 * ring (so that sessions move to the current secret while the old one is still accepted). Sign-out only clears the
 * cookie: a copied token stays valid until it expires, the known trade-off of stateless sessions.
 */
public final class JwtSessionStore implements SessionStore {

    /** Claims the engine manages; every other claim becomes a session attribute. */
    private static final Set<String> RESERVED =
            Set.of("sub", "name", "email", "picture", "iat", "exp", "jti", "nbf", "iss", "aud");

    /** What browsers keep of one cookie, name and value (RFC 6265 6.1's minimum; Chrome's and Firefox's limit). */
    static final int MAX_COOKIE_BYTES = 4096;

    private final Duration maxAge;
    private final Duration updateAge;
    private final Clock clock;
    private final CookiePolicy cookiePolicy;
    private final JwtCallback callback;
    private final String rolesField;
    private final FlowLog log;
    /**
     * One sealer per cookie name (its salt), with the keys derived once: the names follow from the {@code Secure}
     * flag alone, and the secrets never change after start-up. Deriving them per request cost an HKDF (two
     * {@code Mac} look-ups, three HMACs per secret) on every session read.
     */
    private final JweSealer plainSealer;

    private final JweSealer secureSealer;

    /**
     * @param secrets       the application's secrets: the current one seals, all open
     * @param maxAge        how long a token lives
     * @param updateAge     how often at most it is re-issued
     * @param clock         the clock
     * @param cookiePolicy  the cookies' names and flags for an exchange
     * @param callback      the application's JWT callback
     * @param rolesField    the user field copied into the token for the caller's groups, or {@code null}
     * @param log           the flow log
     */
    public JwtSessionStore(
            SecretRing secrets,
            Duration maxAge,
            Duration updateAge,
            Clock clock,
            CookiePolicy cookiePolicy,
            JwtCallback callback,
            String rolesField,
            FlowLog log) {
        this.maxAge = maxAge;
        this.updateAge = updateAge;
        this.clock = clock;
        this.cookiePolicy = cookiePolicy;
        this.callback = callback;
        this.rolesField = rolesField;
        this.log = log;
        this.plainSealer = new JweSealer(secrets, new AuthCookies(false).sessionToken());
        this.secureSealer = new JweSealer(secrets, new AuthCookies(true).sessionToken());
    }

    @Override
    public Optional<AuthSession> read(HttpExchange exchange) {
        AuthCookies cookies = cookiePolicy.names(exchange);
        Optional<String> cookie = exchange.cookie(cookies.sessionToken()).filter(t -> !t.isEmpty());
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<JweSealer.Opened> opened = open(exchange, cookies, cookie.get(), now);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        JWTClaimsSet claims = opened.get().claims();
        Map<String, Object> token = new LinkedHashMap<>(claims.getClaims());
        Date issued = claims.getIssueTime();
        if (!opened.get().current()
                || issued == null
                || !now.isBefore(issued.toInstant().plus(updateAge))) {
            token = new LinkedHashMap<>(
                    callback.jwt(new JwtCallback.Input(withoutTimes(token), null, null, null, null)));
            return Optional.of(issue(exchange, cookies, token, now));
        }
        return Optional.of(
                new AuthSession(userOf(token), claims.getExpirationTime().toInstant()));
    }

    @Override
    public Optional<AuthSession> update(HttpExchange exchange, Map<String, Object> data) {
        AuthCookies cookies = cookiePolicy.names(exchange);
        Optional<String> cookie = exchange.cookie(cookies.sessionToken()).filter(t -> !t.isEmpty());
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<JweSealer.Opened> opened = open(exchange, cookies, cookie.get(), now);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> token = withoutTimes(opened.get().claims().getClaims());
        token = new LinkedHashMap<>(callback.jwt(
                new JwtCallback.Input(token, null, null, CallbackTrigger.UPDATE, new LinkedHashMap<>(data))));
        String sealed = seal(cookies, token, now);
        int bytes = cookies.sessionToken().length() + 1 + sealed.length(); // the value is ASCII
        if (bytes > MAX_COOKIE_BYTES) {
            // Browsers drop a larger cookie silently: the update would seem to work and be lost.
            throw new SessionTooLargeException(bytes, MAX_COOKIE_BYTES);
        }
        cookiePolicy.set(exchange, AuthCookies::sessionToken, sealed, maxAge);
        log.debug(() -> "JWT session updated");
        return Optional.of(new AuthSession(userOf(token), now.plus(maxAge)));
    }

    /** The claims of a valid token with a subject; else the cookie is cleared. */
    private Optional<JweSealer.Opened> open(HttpExchange exchange, AuthCookies cookies, String cookie, Instant now) {
        Optional<JweSealer.Opened> opened = sealer(cookies).openWithAnyKey(cookie, now);
        if (opened.isEmpty() || opened.get().claims().getSubject() == null) {
            log.debug(() -> "JWT session cookie is invalid or expired; clearing it");
            cookiePolicy.delete(exchange, AuthCookies::sessionToken);
            return Optional.empty();
        }
        return opened;
    }

    @Override
    public AuthSession start(HttpExchange exchange, AdapterUser user, AdapterAccount account, CallbackTrigger trigger) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("sub", user.id());
        putIfPresent(token, "name", user.name());
        putIfPresent(token, "email", user.email());
        putIfPresent(token, "picture", user.image());
        if (rolesField != null) {
            putIfPresent(token, rolesField, user.extras().get(rolesField));
        }
        token = new LinkedHashMap<>(callback.jwt(new JwtCallback.Input(token, user, account, trigger, null)));
        log.debug(() -> "new JWT session for user " + user.id());
        return issue(exchange, cookiePolicy.names(exchange), token, clock.instant());
    }

    @Override
    public Optional<String> end(HttpExchange exchange) {
        Optional<AuthSession> current = read(exchange);
        cookiePolicy.delete(exchange, AuthCookies::sessionToken);
        return current.map(session -> session.user().id());
    }

    @Override
    public int endOtherSessions(HttpExchange exchange) {
        throw new UnsupportedOperationException("JWT sessions are stateless: other sessions cannot be ended before"
                + " they expire; use SessionStrategy.DATABASE for \"sign out everywhere else\"");
    }

    @Override
    public boolean listsSessions() {
        return false;
    }

    @Override
    public List<AdapterSession> ownSessions(HttpExchange exchange) {
        throw notListed();
    }

    @Override
    public boolean endOwnSession(HttpExchange exchange, Predicate<AdapterSession> which) {
        throw notListed();
    }

    private static IllegalStateException notListed() {
        return new IllegalStateException("Sessions are listed and ended only with SessionStrategy.DATABASE: this"
                + " application uses JWT sessions, stateless cookies that no server keeps a list of; set the session"
                + " strategy to DATABASE to use AuthService.sessions and endSession (GET /api/auth/sessions)");
    }

    private AuthSession issue(HttpExchange exchange, AuthCookies cookies, Map<String, Object> token, Instant now) {
        cookiePolicy.set(exchange, AuthCookies::sessionToken, seal(cookies, token, now), maxAge);
        return new AuthSession(userOf(token), now.plus(maxAge));
    }

    private String seal(AuthCookies cookies, Map<String, Object> token, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        withoutTimes(token).forEach(claims::claim);
        claims.issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(maxAge)))
                .jwtID(UUID.randomUUID().toString());
        return sealer(cookies).seal(claims.build());
    }

    private JweSealer sealer(AuthCookies cookies) {
        return cookies.secure() ? secureSealer : plainSealer;
    }

    private static Map<String, Object> withoutTimes(Map<String, Object> token) {
        Map<String, Object> copy = new LinkedHashMap<>(token);
        copy.keySet().removeAll(Set.of("iat", "exp", "jti", "nbf"));
        return copy;
    }

    private static SessionUser userOf(Map<String, Object> token) {
        Map<String, Object> attributes = new LinkedHashMap<>(token);
        attributes.keySet().removeAll(RESERVED);
        return new SessionUser(
                String.valueOf(token.get("sub")),
                text(token.get("name")),
                text(token.get("email")),
                text(token.get("picture")),
                attributes);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void putIfPresent(Map<String, Object> token, String name, Object value) {
        if (value != null) {
            token.put(name, value instanceof Instant instant ? instant.getEpochSecond() : value);
        }
    }
}
