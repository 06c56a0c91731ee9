package dev.authschema.engine.config;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.encryption.TokenEncryptingAdapter;
import dev.authschema.engine.mail.MailServerUrl;
import dev.authschema.engine.ratelimit.RateLimitSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The engine's options, as Auth.js's options object. The application produces one as a CDI bean:
 *
 * <pre>{@code
 * @Produces @ApplicationScoped
 * AuthConfig authConfig(AuthAdapter adapter) {
 *     return AuthConfig.builder()
 *             .adapter(adapter)
 *             .provider(Providers.gitHub())                 // AUTH_GITHUB_ID, AUTH_GITHUB_SECRET
 *             .provider(Providers.email("noreply@example.com"))
 *             .rolesField("role")
 *             .build();                                     // AUTH_SECRET from the environment
 * }
 * }</pre>
 *
 * {@link Builder#build()} validates everything and throws {@link AuthConfigurationException} listing each problem.
 */
public final class AuthConfig {

    private static final Logger LOG = Logger.getLogger(AuthConfig.class.getName());

    private final List<ProviderConfig> providers;
    private final AuthAdapter adapter;
    private final SessionStrategy sessionStrategy;
    private final Duration sessionMaxAge;
    private final Duration sessionUpdateAge;
    private final SecretRing secrets;
    private final Pages pages;
    private final Theme theme;
    private final Callbacks callbacks;
    private final AuthEvents events;
    private final Clock clock;
    private final boolean debug;
    private final boolean development;
    private final String url;
    private final boolean trustHost;
    private final String rolesField;
    private final Boolean useSecureCookies;
    private final Duration cleanupInterval;
    private final Duration cleanupFirstDelay;
    private final SecurityHeaders securityHeaders;
    private final RateLimitSettings rateLimits;
    private final boolean synchronizeSchema;
    private final MailServerUrl emailServer;

    private AuthConfig(
            Builder builder,
            List<ProviderConfig> providers,
            SessionStrategy strategy,
            SecretRing secrets,
            String url,
            boolean trustHost,
            Duration cleanupInterval,
            Duration cleanupFirstDelay) {
        this.providers = List.copyOf(providers);
        // Wrapped here, once the secrets are known (the first encrypts, all decrypt): everything the engine does with
        // accounts goes through it.
        this.adapter = builder.encryptAccountTokens && builder.adapter != null
                ? TokenEncryptingAdapter.wrap(builder.adapter, secrets.all())
                : builder.adapter;
        this.sessionStrategy = strategy;
        this.sessionMaxAge = builder.sessionMaxAge;
        this.sessionUpdateAge = builder.sessionUpdateAge;
        this.secrets = secrets;
        this.pages = builder.pages;
        this.theme = builder.theme;
        this.callbacks = builder.callbacks;
        this.events = builder.events;
        this.clock = builder.clock;
        this.debug = builder.debug;
        this.development = builder.development;
        this.url = url;
        this.trustHost = trustHost;
        this.rolesField = builder.rolesField;
        this.useSecureCookies = builder.useSecureCookies;
        this.cleanupInterval = cleanupInterval;
        this.cleanupFirstDelay = cleanupFirstDelay;
        this.securityHeaders = builder.securityHeaders;
        this.rateLimits = builder.rateLimits;
        this.synchronizeSchema = Boolean.TRUE.equals(builder.synchronizeSchema);
        this.emailServer = builder.emailServer;
    }

    /**
     * @return a builder with Auth.js's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the providers, with client ids and secrets completed from the environment
     */
    public List<ProviderConfig> providers() {
        return providers;
    }

    /**
     * @param id a provider id
     * @return the provider with that id
     */
    public Optional<ProviderConfig> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * @return the adapter, or empty for JWT sessions without a database
     */
    public Optional<AuthAdapter> adapter() {
        return Optional.ofNullable(adapter);
    }

    /**
     * @return where sessions live
     */
    public SessionStrategy sessionStrategy() {
        return sessionStrategy;
    }

    /**
     * @return how long an unused session lives (30 days by default)
     */
    public Duration sessionMaxAge() {
        return sessionMaxAge;
    }

    /**
     * @return how often at most a session's expiry is extended (24 hours by default)
     */
    public Duration sessionUpdateAge() {
        return sessionUpdateAge;
    }

    /**
     * @return the current secret, which keys new cookies, CSRF tokens and token hashes; never log it
     */
    public String secret() {
        return secrets.current();
    }

    /**
     * @return every secret in order ({@code AUTH_SECRET} split at its commas): the first signs, encrypts and hashes,
     *         all are tried for reading; the one place for anything keyed with the secret, rotated with it
     */
    public SecretRing secrets() {
        return secrets;
    }

    /**
     * @return the application's pages
     */
    public Pages pages() {
        return pages;
    }

    /**
     * @return how the built-in pages look
     */
    public Theme theme() {
        return theme;
    }

    /**
     * @return the callbacks
     */
    public Callbacks callbacks() {
        return callbacks;
    }

    /**
     * @return the event listener
     */
    public AuthEvents events() {
        return events;
    }

    /**
     * @return the clock every expiry is computed with
     */
    public Clock clock() {
        return clock;
    }

    /**
     * @return whether to log the sign-in flow (never tokens or secrets)
     */
    public boolean debug() {
        return debug;
    }

    /**
     * @return whether development mode is on (a random secret is allowed)
     */
    public boolean development() {
        return development;
    }

    /**
     * @return the application's public base URL ({@code AUTH_URL}) without a trailing slash; empty only in development
     *         or with {@link #trustHost()}, where each request's (loopback, resp. forwarded) host is used
     */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /**
     * @return whether, without {@link #url()}, the base URL comes from {@code X-Forwarded-Host}/{@code Host} and
     *         {@code X-Forwarded-Proto} ({@code AUTH_TRUST_HOST}, for a proxy that sets them)
     */
    public boolean trustHost() {
        return trustHost;
    }

    /**
     * @return the user field whose value gives the caller's groups (roles), or empty for no groups
     */
    public Optional<String> rolesField() {
        return Optional.ofNullable(rolesField);
    }

    /**
     * @return whether cookies are {@code Secure} and prefixed; empty means: when the request came over HTTPS
     */
    public Optional<Boolean> useSecureCookies() {
        return Optional.ofNullable(useSecureCookies);
    }

    /**
     * @return how often the expired-row clean-up runs ({@code AUTH_CLEANUP_INTERVAL}, one hour by default); each pass
     *         is delayed by up to a tenth of this more, so that several servers drift apart
     */
    public Duration cleanupInterval() {
        return cleanupInterval;
    }

    /**
     * @return how long after the start the first clean-up pass runs ({@code AUTH_CLEANUP_FIRST_DELAY}); empty means a
     *         random time between 1 and 10 minutes, so that servers started together do not all run at once
     */
    public Optional<Duration> cleanupFirstDelay() {
        return Optional.ofNullable(cleanupFirstDelay);
    }

    /**
     * @return the hardening headers the runtime's filter puts on every response ({@link SecurityHeaders#defaults()}
     *         unless the application chose others)
     */
    public SecurityHeaders securityHeaders() {
        return securityHeaders;
    }

    /**
     * @return whether the engine creates the missing tables, columns and keys at start-up ({@code synchronizeSchema},
     *         {@code AUTH_DATABASE_SYNCHRONIZE}, {@code ?synchronize=true} in {@code DATABASE_URL}; on by default in
     *         development, off in production)
     */
    public boolean synchronizeSchema() {
        return synchronizeSchema;
    }

    /**
     * @return the SMTP server of {@code AUTH_EMAIL_SERVER} ({@code smtp://user:password@host:587}), which e-mail
     *         providers without a sender of their own use instead of the container's mail session; empty when unset
     */
    public Optional<MailServerUrl> emailServer() {
        return Optional.ofNullable(emailServer);
    }

    /**
     * @return the rate limits ({@code AUTH_RATE_LIMIT*}; on by default outside development, off in development)
     */
    public RateLimitSettings rateLimits() {
        return rateLimits;
    }

    /** Leaves out the secret. */
    @Override
    public String toString() {
        return "AuthConfig[providers=" + providers + ", adapter="
                + (adapter == null ? null : adapter.getClass().getName()) + ", session=" + sessionStrategy + ", maxAge="
                + sessionMaxAge + ", updateAge="
                + sessionUpdateAge + ", debug=" + debug + ", development=" + development + ", url=" + url
                + ", trustHost=" + trustHost + ", cleanupInterval=" + cleanupInterval + ", cleanupFirstDelay="
                + cleanupFirstDelay + ", rateLimits=" + rateLimits + "]";
    }

    /** Collects the options; {@link #build()} fills defaults from the environment and validates. */
    public static final class Builder {

        /** Default of {@link #cleanupInterval(Duration)}. */
        public static final Duration DEFAULT_CLEANUP_INTERVAL = Duration.ofHours(1);

        private final List<ProviderConfig> providers = new ArrayList<>();
        private AuthAdapter adapter;
        private SessionStrategy sessionStrategy;
        private Duration sessionMaxAge = Duration.ofDays(30);
        private Duration sessionUpdateAge = Duration.ofHours(24);
        private String secret;
        private List<String> secretList;
        private Pages pages = Pages.defaults();
        private Theme theme = Theme.defaults();
        private Callbacks callbacks = Callbacks.defaults();
        private AuthEvents events = new AuthEvents() {};
        private Clock clock = Clock.systemUTC();
        private boolean debug;
        private boolean development;
        private boolean developmentSet;
        private String url;
        private Boolean trustHost;
        private String rolesField;
        private Boolean useSecureCookies;
        private Duration cleanupInterval;
        private Duration cleanupFirstDelay;
        private SecurityHeaders securityHeaders = SecurityHeaders.defaults();
        private Function<String, String> environment = System::getenv;
        private RateLimitSettings rateLimits;
        private boolean encryptAccountTokens;
        private Boolean synchronizeSchema;
        private MailServerUrl emailServer;

        private Builder() {}

        /**
         * @param provider a way to sign in; ids must be unique
         * @return this builder
         */
        public Builder provider(ProviderConfig provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * @param value the database adapter (generated from the schema, or hand-written)
         * @return this builder
         */
        public Builder adapter(AuthAdapter value) {
            this.adapter = value;
            return this;
        }

        /**
         * Stores the access, refresh and ID tokens of accounts encrypted (AES-256-GCM with a key derived from the
         * secret), transparently for the engine and the application; see
         * {@link dev.authschema.engine.encryption.TokenEncryptingAdapter}. Off by default. Tokens stored before it
         * is turned on are read as they are and encrypted when the account is next written. The environment
         * variable {@code AUTH_ENCRYPT_ACCOUNT_TOKENS=true} turns it on too.
         *
         * @param value whether to encrypt the stored tokens
         * @return this builder
         */
        public Builder encryptAccountTokens(boolean value) {
            this.encryptAccountTokens = value;
            return this;
        }

        /**
         * @param value where sessions live; default {@code DATABASE} with an adapter, else {@code JWT}
         * @return this builder
         */
        public Builder sessionStrategy(SessionStrategy value) {
            this.sessionStrategy = value;
            return this;
        }

        /**
         * @param value how long an unused session lives
         * @return this builder
         */
        public Builder sessionMaxAge(Duration value) {
            this.sessionMaxAge = Objects.requireNonNull(value, "sessionMaxAge");
            return this;
        }

        /**
         * @param value how often at most the expiry of a session is extended
         * @return this builder
         */
        public Builder sessionUpdateAge(Duration value) {
            this.sessionUpdateAge = Objects.requireNonNull(value, "sessionUpdateAge");
            return this;
        }

        /**
         * @param value the secret, or several separated by commas for rotation (the current one first, then the
         *              older ones still accepted for reading); default: the environment variable {@code AUTH_SECRET},
         *              read the same way
         * @return this builder
         */
        public Builder secret(String value) {
            this.secret = value;
            return this;
        }

        /**
         * @param values the secrets for rotation, the current one first (it signs, encrypts and hashes); the others
         *               are tried for reading what was made before the rotation. Each is checked like
         *               {@code AUTH_SECRET}. Takes precedence over {@link #secret(String)}
         * @return this builder
         */
        public Builder secrets(List<String> values) {
            this.secretList = List.copyOf(values);
            return this;
        }

        /**
         * @param value the application's pages
         * @return this builder
         */
        public Builder pages(Pages value) {
            this.pages = Objects.requireNonNull(value, "pages");
            return this;
        }

        /**
         * @param value how the built-in pages look (logo, brand colour, button text); checked by {@link #build()}
         * @return this builder
         */
        public Builder theme(Theme value) {
            this.theme = Objects.requireNonNull(value, "theme");
            return this;
        }

        /**
         * @param value the callbacks; start from {@link Callbacks#defaults()}
         * @return this builder
         */
        public Builder callbacks(Callbacks value) {
            this.callbacks = Objects.requireNonNull(value, "callbacks");
            return this;
        }

        /**
         * @param value the event listener
         * @return this builder
         */
        public Builder events(AuthEvents value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * @param value the clock for every expiry (tests pass a fixed or movable one)
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value whether to log the sign-in flow
         * @return this builder
         */
        public Builder debug(boolean value) {
            this.debug = value;
            return this;
        }

        /**
         * @param value whether this is a development server: then a missing secret is replaced by a random one
         *              (sessions do not survive a restart) with a warning. Default {@code AUTH_DEVELOPMENT}
         *              ({@code true} or {@code false}), else off: set it in the development server's environment
         *              rather than here, so that the WAR itself never turns development mode on in production
         * @return this builder
         */
        public Builder development(boolean value) {
            this.development = value;
            this.developmentSet = true;
            return this;
        }

        /**
         * @param value the public base URL including the context path, such as {@code https://example.com/app}: every
         *              link, redirect and OAuth {@code redirect_uri} is built from it. Default {@code AUTH_URL}.
         *              Required outside development unless {@link #trustHost(boolean)}; {@code https} unless the host
         *              is a loopback host or in development; no query or fragment
         * @return this builder
         */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        /**
         * @param value without {@link #url(String)}: take the base URL from {@code X-Forwarded-Host} (else
         *              {@code Host}) and {@code X-Forwarded-Proto}, as Auth.js's {@code trustHost}. Only behind a
         *              proxy that sets (replaces) these headers on every request. Default {@code AUTH_TRUST_HOST}
         * @return this builder
         */
        public Builder trustHost(boolean value) {
            this.trustHost = value;
            return this;
        }

        /**
         * @param fieldName the user field (an extra field such as {@code role}) holding the caller's groups, one
         *                  name or several separated by commas
         * @return this builder
         */
        public Builder rolesField(String fieldName) {
            this.rolesField = fieldName;
            return this;
        }

        /**
         * @param value force {@code Secure} prefixed cookies on or off; default: on for HTTPS requests
         * @return this builder
         */
        public Builder useSecureCookies(Boolean value) {
            this.useSecureCookies = value;
            return this;
        }

        /**
         * @param value how often the expired-row clean-up runs (at least one second); default: the environment
         *              variable {@code AUTH_CLEANUP_INTERVAL} as an ISO-8601 duration such as {@code PT30M}, else one
         *              hour
         * @return this builder
         */
        public Builder cleanupInterval(Duration value) {
            this.cleanupInterval = Objects.requireNonNull(value, "cleanupInterval");
            return this;
        }

        /**
         * @param value how long after the start the first clean-up pass runs (zero or more); default: the environment
         *              variable {@code AUTH_CLEANUP_FIRST_DELAY} as an ISO-8601 duration such as {@code PT2M}, else a
         *              random time between 1 and 10 minutes
         * @return this builder
         */
        public Builder cleanupFirstDelay(Duration value) {
            this.cleanupFirstDelay = Objects.requireNonNull(value, "cleanupFirstDelay");
            return this;
        }

        /**
         * @param value the hardening headers of every response; start from {@link SecurityHeaders#defaults()} and
         *              add or remove with {@code with(name, value)} / {@code without(name)}
         * @return this builder
         */
        public Builder securityHeaders(SecurityHeaders value) {
            this.securityHeaders = Objects.requireNonNull(value, "securityHeaders");
            return this;
        }

        /**
         * @param value the rate limits, e.g. {@code RateLimitSettings.defaults().withPost(RateLimitRule.of(300,
         *              Duration.ofMinutes(1)))} or {@code RateLimitSettings.off()}; default: from the environment
         *              ({@code AUTH_RATE_LIMIT=on|off}, {@code AUTH_RATE_LIMIT_POST}, {@code
         *              AUTH_RATE_LIMIT_EMAIL_ADDRESS}, {@code AUTH_RATE_LIMIT_EMAIL_CLIENT}, {@code
         *              AUTH_RATE_LIMIT_PASSWORD_ADDRESS}, {@code AUTH_RATE_LIMIT_PASSWORD_CLIENT}, each like {@code 3/10m}),
         *              else {@link RateLimitSettings#defaults()} outside development and off in development
         * @return this builder
         */
        public Builder rateLimits(RateLimitSettings value) {
            this.rateLimits = Objects.requireNonNull(value, "rateLimits");
            return this;
        }

        /**
         * @param value whether to create the missing tables, columns and keys at start-up; default
         *              {@code AUTH_DATABASE_SYNCHRONIZE}, else {@code ?synchronize=true} in {@code DATABASE_URL}, else
         *              on in development and off in production
         * @return this builder
         */
        public Builder synchronizeSchema(boolean value) {
            this.synchronizeSchema = value;
            return this;
        }

        /**
         * @param value reads environment variables; default {@link System#getenv(String)}; tests pass a map's
         *              {@code get}
         * @return this builder
         */
        public Builder environment(Function<String, String> value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Completes the options from the environment and validates them.
         *
         * @return the configuration
         * @throws AuthConfigurationException listing every problem, each naming the setting
         */
        public AuthConfig build() {
            List<String> developmentProblems = new ArrayList<>();
            if (!developmentSet) {
                development = developmentSetting(environment, developmentProblems);
            }
            String rawUrl = url != null && !url.isBlank() ? url.strip() : blankToNull(environment.apply("AUTH_URL"));
            List<ProviderConfig> resolved = new ArrayList<>();
            for (ProviderConfig provider : providers) {
                resolved.add(
                        provider instanceof OAuthProviderConfig oauth
                                ? oauth.withEnvironmentDefaults(environment)
                                : provider);
            }
            SessionStrategy strategy = sessionStrategy != null
                    ? sessionStrategy
                    : adapter != null ? SessionStrategy.DATABASE : SessionStrategy.JWT;
            String rawSecret =
                    secret != null && !secret.isBlank() ? secret : blankToNull(environment.apply("AUTH_SECRET"));
            List<String> resolvedSecrets = secretList != null
                    ? secretList.stream().map(String::strip).toList()
                    : rawSecret == null ? List.of() : SecretRing.split(rawSecret);
            List<String> problems = new ArrayList<>(developmentProblems);
            boolean resolvedTrustHost =
                    trustHost != null ? trustHost : BaseUrlSettings.trustHostSetting(environment, problems);
            String resolvedUrl = BaseUrlSettings.check(rawUrl, resolvedTrustHost, development, problems);
            Duration interval = cleanupInterval != null
                    ? cleanupInterval
                    : ConfigValidator.durationSetting(environment, "AUTH_CLEANUP_INTERVAL", "cleanupInterval", problems)
                            .orElse(DEFAULT_CLEANUP_INTERVAL);
            Duration firstDelay = cleanupFirstDelay != null
                    ? cleanupFirstDelay
                    : ConfigValidator.durationSetting(
                                    environment, "AUTH_CLEANUP_FIRST_DELAY", "cleanupFirstDelay", problems)
                            .orElse(null);
            ConfigValidator.checkCleanup(interval, firstDelay, problems);
            problems.addAll(theme.problems());
            if (rateLimits == null) {
                rateLimits = RateLimitSettings.fromEnvironment(environment, development, problems);
            }
            encryptAccountTokens |= "true".equalsIgnoreCase(environment.apply("AUTH_ENCRYPT_ACCOUNT_TOKENS"));
            String emailServerUrl = blankToNull(environment.apply(MailServerUrl.ENVIRONMENT_VARIABLE));
            try {
                emailServer = emailServerUrl == null ? null : MailServerUrl.parse(emailServerUrl);
            } catch (IllegalArgumentException e) {
                problems.add("emailServer: " + e.getMessage());
            }
            synchronizeSchema =
                    SchemaSynchronizationSetting.resolve(synchronizeSchema, environment, development, problems);
            ConfigValidator.validate(
                    resolved,
                    adapter,
                    strategy,
                    sessionMaxAge,
                    sessionUpdateAge,
                    resolvedSecrets,
                    development,
                    problems);
            SecretRing ring =
                    resolvedSecrets.isEmpty() ? SecretRing.of(developmentSecret()) : SecretRing.of(resolvedSecrets);
            return new AuthConfig(this, resolved, strategy, ring, resolvedUrl, resolvedTrustHost, interval, firstDelay);
        }

        private static String developmentSecret() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            LOG.warning("""
                    ****************************************************************************************
                    AuthSchema: AUTH_SECRET is not set; DEVELOPMENT MODE uses a random secret.
                    Every session and sign-in link becomes invalid when the server restarts.
                    Never run like this in production: set AUTH_SECRET (e.g. `openssl rand -base64 33`).
                    ****************************************************************************************""");
            return Base64.getEncoder().encodeToString(bytes);
        }

        /** {@code AUTH_DEVELOPMENT}: {@code true} or {@code false} (also {@code 1}, {@code 0}); off when unset. */
        private static boolean developmentSetting(Function<String, String> environment, List<String> problems) {
            String value = environment.apply("AUTH_DEVELOPMENT");
            if (value == null || value.isBlank()) {
                return false;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> {
                    problems.add("development: AUTH_DEVELOPMENT is '" + value.strip()
                            + "'; write true on a development server, and leave it unset (or false) in production");
                    yield false;
                }
            };
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
