package dev.authschema.engine.ratelimit;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.RateLimitWindow;
import dev.authschema.engine.crypto.Digests;
import dev.authschema.engine.email.EmailAddresses;
import dev.authschema.engine.email.InvalidEmailException;
import dev.authschema.engine.http.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides whether a request is within the rate limits, and counts it. Keys are {@code <rule>:<HMAC-SHA-256 of the
 * subject>} keyed with the application secret, so the store holds neither e-mail addresses nor client addresses.
 * Windows start at a key's first request and end {@link RateLimitRule#window()} later, whatever happens in between:
 * nobody is ever locked out for longer than one window. A refused request changes nothing in the store: a client that
 * keeps hammering stays refused until the window ends, then gets in again.
 *
 * <p>If the database store fails (the database is down, the table or the entity is missing), the request is counted
 * in this server's memory instead, and a warning is logged at most once a minute: the limits then hold per server, and
 * a broken store neither turns into an outage of its own nor switches the limits off.
 */
public final class RateLimiter {

    /** Rule name of {@link RateLimitSettings#post()}, the first part of its keys. */
    public static final String POST = "post";
    /** Rule name of {@link RateLimitSettings#emailPerAddress()}. */
    public static final String EMAIL_ADDRESS = "email-address";
    /** Rule name of {@link RateLimitSettings#emailPerClient()}. */
    public static final String EMAIL_CLIENT = "email-client";
    /** The rule name of password attempts per address. */
    public static final String PASSWORD_ADDRESS = "password-address";
    /** The rule name of password attempts per client. */
    public static final String PASSWORD_CLIENT = "password-client";

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long WARN_EVERY_MILLIS = 60_000;

    private final RateLimitSettings settings;
    private final RateLimitStore store;
    private final String secret;
    private final Clock clock;
    private final AtomicLong lastWarning = new AtomicLong();
    private final InMemoryRateLimitStore fallback = new InMemoryRateLimitStore();

    /**
     * @param settings the limits
     * @param store    where to count
     * @param secret   the application secret, keys the hashes
     * @param clock    the clock
     */
    public RateLimiter(RateLimitSettings settings, RateLimitStore store, String secret, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * The engine's limiter: counts in the database when the adapter has {@link AdapterCapability#RATE_LIMITS}, else
     * in memory. Logs once which, and that in-memory limits are per server.
     *
     * @param settings the limits
     * @param adapter  the adapter, or {@code null}
     * @param secret   the application secret
     * @param clock    the clock
     * @return the limiter
     */
    public static RateLimiter create(RateLimitSettings settings, AuthAdapter adapter, String secret, Clock clock) {
        boolean database = adapter != null && adapter.capabilities().contains(AdapterCapability.RATE_LIMITS);
        RateLimitStore store = database ? new AdapterRateLimitStore(adapter) : new InMemoryRateLimitStore();
        if (!settings.enabled()) {
            LOG.info("[auth] rate limits are off (AUTH_RATE_LIMIT=off, or development mode)");
        } else if (database) {
            LOG.info(() -> "[auth] rate limits " + settings + ", counted in the database: shared by every server");
        } else {
            LOG.info(() -> "[auth] rate limits " + settings + ", counted in this server's memory: with several"
                    + " servers each allows the limit by itself. To share them, add a model with the RateLimit role"
                    + " to the schema ("
                    + (adapter == null
                            ? "no adapter"
                            : adapter.getClass().getName() + " lacks the RATE_LIMITS capability")
                    + ")");
        }
        return new RateLimiter(settings, store, secret, clock);
    }

    /**
     * @return the limits
     */
    public RateLimitSettings settings() {
        return settings;
    }

    /**
     * @return whether counts are shared by every server on the database
     */
    public boolean shared() {
        return store.shared();
    }

    /**
     * Counts a POST to {@code /api/auth/*} against the per-client limit.
     *
     * @param exchange the request
     * @throws RateLimitedException when the client is over the limit
     */
    public void checkPost(HttpExchange exchange) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        long retry = retryAfter(POST, settings.post(), ClientAddresses.subject(exchange.clientAddress()), now);
        if (retry > 0) {
            throw new RateLimitedException(POST, retry);
        }
    }

    /**
     * Counts a sign-in e-mail against the per-client limit, then, if the client is within it, against the
     * per-address limit: a client over its own limit cannot use up anybody's address limit.
     *
     * @param exchange the request
     * @param rawEmail the address as submitted; a malformed one counts only per client (it gets no mail anyway)
     * @throws RateLimitedException when either limit is reached
     */
    public void checkEmailSignIn(HttpExchange exchange, String rawEmail) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        long byClient = retryAfter(
                EMAIL_CLIENT, settings.emailPerClient(), ClientAddresses.subject(exchange.clientAddress()), now);
        if (byClient > 0) {
            throw new RateLimitedException(EMAIL_CLIENT, byClient);
        }
        long byAddress = normalized(rawEmail)
                .map(email -> retryAfter(EMAIL_ADDRESS, settings.emailPerAddress(), email, now))
                .orElse(0L);
        if (byAddress > 0) {
            throw new RateLimitedException(EMAIL_ADDRESS, byAddress);
        }
    }

    /**
     * Counts a password attempt against the per-client limit, then against the per-address one, as
     * {@link #checkEmailSignIn} does for mails: {@link RateLimitSettings#passwordPerClient()} and
     * {@link RateLimitSettings#passwordPerAddress()}.
     *
     * @param exchange the request
     * @param rawEmail the address the password is for, as submitted; a malformed one counts only per client
     * @throws RateLimitedException when either limit is reached
     */
    public void checkPasswordAttempt(HttpExchange exchange, String rawEmail) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        long byClient = retryAfter(
                PASSWORD_CLIENT, settings.passwordPerClient(), ClientAddresses.subject(exchange.clientAddress()), now);
        if (byClient > 0) {
            throw new RateLimitedException(PASSWORD_CLIENT, byClient);
        }
        long byAddress = normalized(rawEmail)
                .map(email -> retryAfter(PASSWORD_ADDRESS, settings.passwordPerAddress(), email, now))
                .orElse(0L);
        if (byAddress > 0) {
            throw new RateLimitedException(PASSWORD_ADDRESS, byAddress);
        }
    }

    /**
     * Marks a one-time value (a passkey challenge) as used, in the same store as the limits, whether or not the
     * limits are on: the first call for a value within {@code lifetime} wins, every later one, on any server that
     * shares the store, gets {@code false}. With the database store that holds across servers; with the in-memory
     * one only on this server (the start-up line of {@link #create} says which). A store failure is thrown, never
     * answered from memory: a value that might have been used is not accepted.
     *
     * @param purpose  what kind of value, part of the key
     * @param value    the value; only its HMAC is stored
     * @param lifetime how long the value is valid anyway (the row can go after that)
     * @return whether this was the first use
     */
    public boolean useOnce(String purpose, String value, Duration lifetime) {
        return !store.hit(key(purpose, value), clock.instant(), lifetime, 1).limited();
    }

    /**
     * Counts one attempt of a budget that must hold whatever the rate-limit settings say (also with
     * {@code AUTH_RATE_LIMIT=off} and in development): the attempts at one e-mail code. The count is the store's
     * atomic {@link RateLimitStore#hit}, so with the database store concurrent attempts on every server share one
     * budget: at most {@code max} of them are ever counted.
     *
     * @param rule    the budget's name, the first part of its key
     * @param subject what is counted, such as one code request's id
     * @param window  how long the budget lasts (the code's lifetime)
     * @param max     the attempts it allows
     * @return the window after this attempt: {@link RateLimitWindow#limited()} when the budget was already spent
     */
    public RateLimitWindow countAttempt(String rule, String subject, Duration window, int max) {
        String key = key(rule, subject);
        try {
            return store.hit(key, clock.instant(), window, max);
        } catch (RuntimeException e) {
            warnStoreFailure(e);
            return fallback.hit(key, clock.instant(), window, max);
        }
    }

    /**
     * @param rule    the rule name
     * @param subject what is counted (a client address, an e-mail address)
     * @return the store key: the rule name and the subject's HMAC, never the subject itself
     */
    String key(String rule, String subject) {
        return rule + ":" + Digests.hmacSha256Hex(secret, "authschema-rate-limit:" + rule + ":" + subject);
    }

    /** Counts the hit; 0 if within the limit, else the seconds until the window ends (at least 1). */
    private long retryAfter(String rule, RateLimitRule limit, String subject, Instant now) {
        String key = key(rule, subject);
        RateLimitWindow window;
        try {
            window = store.hit(key, now, limit.window(), limit.max());
        } catch (RuntimeException e) {
            warnStoreFailure(e);
            window = fallback.hit(key, now, limit.window(), limit.max());
        }
        if (!window.limited()) {
            return 0;
        }
        return secondsUntil(window.windowStart().plus(limit.window()), now);
    }

    /**
     * @param end when the window ends
     * @param now the current time
     * @return whole seconds from now to the end, rounded up, at least 1
     */
    static long secondsUntil(Instant end, Instant now) {
        Duration left = Duration.between(now, end);
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static Optional<String> normalized(String rawEmail) {
        try {
            return Optional.of(mailbox(EmailAddresses.normalize(rawEmail)));
        } catch (InvalidEmailException e) {
            return Optional.empty();
        }
    }

    /**
     * @param email a normalised address
     * @return the mailbox it reaches for counting: without a {@code +tag} in the local part, since
     *         {@code victim+1@x}, {@code victim+2@x}, ... all land in one inbox (this only ever groups addresses, the
     *         link still goes to the address as typed)
     */
    static String mailbox(String email) {
        int at = email.lastIndexOf('@');
        int plus = email.indexOf('+');
        return plus > 0 && plus < at ? email.substring(0, plus) + email.substring(at) : email;
    }

    private void warnStoreFailure(RuntimeException e) {
        long nowMillis = System.currentTimeMillis();
        long last = lastWarning.get();
        if (nowMillis - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, nowMillis)) {
            LOG.log(
                    Level.WARNING,
                    "[auth] rate-limit store failed; requests are counted in this server's memory until"
                            + " it works again (this warning repeats at most once a minute). Is the database up, does the RateLimit model's"
                            + " table exist, and is its entity listed in persistence.xml?",
                    e);
        }
    }
}
