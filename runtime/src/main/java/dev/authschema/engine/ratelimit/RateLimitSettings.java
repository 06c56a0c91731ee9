package dev.authschema.engine.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The engine's rate limits ({@code AuthConfig.Builder#rateLimits}). Defaults, as Better Auth's:
 * <ul>
 *   <li>{@link #post()}: 100 POSTs to {@code /api/auth/*} per client address and 60 seconds
 *       ({@code AUTH_RATE_LIMIT_POST});</li>
 *   <li>{@link #emailPerAddress()}: 3 sign-in e-mails per address and 10 minutes
 *       ({@code AUTH_RATE_LIMIT_EMAIL_ADDRESS});</li>
 *   <li>{@link #emailPerClient()}: 10 sign-in e-mails per client address and 10 minutes
 *       ({@code AUTH_RATE_LIMIT_EMAIL_CLIENT});</li>
 *   <li>{@link #passwordPerAddress()}: 10 password attempts (sign-in, change) per address and 10 minutes
 *       ({@code AUTH_RATE_LIMIT_PASSWORD_ADDRESS}): few enough that guessing one account's password gets nowhere
 *       (OWASP: throttle per account), enough for a user who mistypes;</li>
 *   <li>{@link #passwordPerClient()}: 30 password attempts per client address and 10 minutes, across addresses
 *       ({@code AUTH_RATE_LIMIT_PASSWORD_CLIENT}): one client trying many addresses (credential stuffing).</li>
 * </ul>
 * On by default outside development and off in development ({@code AUTH_RATE_LIMIT=on|off} overrides both).
 *
 * @param enabled         whether any limit applies
 * @param post            every POST under {@code /api/auth/}, per client address
 * @param emailPerAddress sign-in e-mails, per (normalised) recipient address
 * @param emailPerClient     sign-in e-mails, per client address
 * @param passwordPerAddress password attempts, per (normalised) address
 * @param passwordPerClient  password attempts, per client address
 */
public record RateLimitSettings(
        boolean enabled,
        RateLimitRule post,
        RateLimitRule emailPerAddress,
        RateLimitRule emailPerClient,
        RateLimitRule passwordPerAddress,
        RateLimitRule passwordPerClient) {

    /** Default of {@link #post()}. */
    public static final RateLimitRule DEFAULT_POST = RateLimitRule.of(100, Duration.ofSeconds(60));
    /** Default of {@link #emailPerAddress()}. */
    public static final RateLimitRule DEFAULT_EMAIL_PER_ADDRESS = RateLimitRule.of(3, Duration.ofMinutes(10));
    /** Default of {@link #emailPerClient()}. */
    public static final RateLimitRule DEFAULT_EMAIL_PER_CLIENT = RateLimitRule.of(10, Duration.ofMinutes(10));
    /** Default of {@link #passwordPerAddress()}. */
    public static final RateLimitRule DEFAULT_PASSWORD_PER_ADDRESS = RateLimitRule.of(10, Duration.ofMinutes(10));
    /** Default of {@link #passwordPerClient()}. */
    public static final RateLimitRule DEFAULT_PASSWORD_PER_CLIENT = RateLimitRule.of(30, Duration.ofMinutes(10));

    /** Checks the values. */
    public RateLimitSettings {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(emailPerAddress, "emailPerAddress");
        Objects.requireNonNull(emailPerClient, "emailPerClient");
        Objects.requireNonNull(passwordPerAddress, "passwordPerAddress");
        Objects.requireNonNull(passwordPerClient, "passwordPerClient");
    }

    /**
     * @return the default limits, on
     */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(
                true,
                DEFAULT_POST,
                DEFAULT_EMAIL_PER_ADDRESS,
                DEFAULT_EMAIL_PER_CLIENT,
                DEFAULT_PASSWORD_PER_ADDRESS,
                DEFAULT_PASSWORD_PER_CLIENT);
    }

    /**
     * @return no limits at all
     */
    public static RateLimitSettings off() {
        return defaults().withEnabled(false);
    }

    /**
     * @param rule the limit on every POST per client
     * @return a copy with it
     */
    public RateLimitSettings withPost(RateLimitRule rule) {
        return new RateLimitSettings(
                enabled, rule, emailPerAddress, emailPerClient, passwordPerAddress, passwordPerClient);
    }

    /**
     * @param rule the limit on sign-in e-mails per recipient address
     * @return a copy with it
     */
    public RateLimitSettings withEmailPerAddress(RateLimitRule rule) {
        return new RateLimitSettings(enabled, post, rule, emailPerClient, passwordPerAddress, passwordPerClient);
    }

    /**
     * @param rule the limit on sign-in e-mails per client
     * @return a copy with it
     */
    public RateLimitSettings withEmailPerClient(RateLimitRule rule) {
        return new RateLimitSettings(enabled, post, emailPerAddress, rule, passwordPerAddress, passwordPerClient);
    }

    /**
     * @param rule the limit on password attempts per address
     * @return a copy with it
     */
    public RateLimitSettings withPasswordPerAddress(RateLimitRule rule) {
        return new RateLimitSettings(enabled, post, emailPerAddress, emailPerClient, rule, passwordPerClient);
    }

    /**
     * @param rule the limit on password attempts per client
     * @return a copy with it
     */
    public RateLimitSettings withPasswordPerClient(RateLimitRule rule) {
        return new RateLimitSettings(enabled, post, emailPerAddress, emailPerClient, passwordPerAddress, rule);
    }

    private RateLimitSettings withEnabled(boolean on) {
        return new RateLimitSettings(on, post, emailPerAddress, emailPerClient, passwordPerAddress, passwordPerClient);
    }

    /**
     * @return the longest window: rows whose window started longer ago than this are expired for every rule
     */
    public Duration longestWindow() {
        return Stream.of(post, emailPerAddress, emailPerClient, passwordPerAddress, passwordPerClient)
                .map(RateLimitRule::window)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /**
     * The settings from the environment: {@code AUTH_RATE_LIMIT} ({@code on}/{@code off}, also {@code true}/
     * {@code false}), {@code AUTH_RATE_LIMIT_POST}, {@code AUTH_RATE_LIMIT_EMAIL_ADDRESS},
     * {@code AUTH_RATE_LIMIT_EMAIL_CLIENT}, {@code AUTH_RATE_LIMIT_PASSWORD_ADDRESS} and
     * {@code AUTH_RATE_LIMIT_PASSWORD_CLIENT} (each {@code <requests>/<window>}, e.g. {@code 3/10m}).
     *
     * @param environment reads environment variables
     * @param development whether the server runs in development mode (then off unless {@code AUTH_RATE_LIMIT=on})
     * @param problems    where unreadable values are reported, each naming its variable
     * @return the settings
     */
    public static RateLimitSettings fromEnvironment(
            Function<String, String> environment, boolean development, List<String> problems) {
        boolean enabled = !development;
        String switchValue = environment.apply("AUTH_RATE_LIMIT");
        if (switchValue != null && !switchValue.isBlank()) {
            switch (switchValue.strip().toLowerCase(Locale.ROOT)) {
                case "on", "true" -> enabled = true;
                case "off", "false" -> enabled = false;
                default ->
                    problems.add("rateLimits: AUTH_RATE_LIMIT is '" + switchValue.strip()
                            + "'; write AUTH_RATE_LIMIT=on or AUTH_RATE_LIMIT=off (or leave it unset: on outside"
                            + " development, off in development)");
            }
        }
        return new RateLimitSettings(
                enabled,
                rule(environment, "AUTH_RATE_LIMIT_POST", DEFAULT_POST, problems),
                rule(environment, "AUTH_RATE_LIMIT_EMAIL_ADDRESS", DEFAULT_EMAIL_PER_ADDRESS, problems),
                rule(environment, "AUTH_RATE_LIMIT_EMAIL_CLIENT", DEFAULT_EMAIL_PER_CLIENT, problems),
                rule(environment, "AUTH_RATE_LIMIT_PASSWORD_ADDRESS", DEFAULT_PASSWORD_PER_ADDRESS, problems),
                rule(environment, "AUTH_RATE_LIMIT_PASSWORD_CLIENT", DEFAULT_PASSWORD_PER_CLIENT, problems));
    }

    private static RateLimitRule rule(
            Function<String, String> environment, String variable, RateLimitRule fallback, List<String> problems) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return RateLimitRule.parse(value, "rateLimits: " + variable, problems).orElse(fallback);
    }

    /** As the start-up log shows it. */
    @Override
    public String toString() {
        return enabled
                ? "on (POST per client " + post + ", sign-in e-mail per address " + emailPerAddress + ", per client "
                        + emailPerClient + ", password attempts per address " + passwordPerAddress + ", per client "
                        + passwordPerClient + ")"
                : "off";
    }
}
