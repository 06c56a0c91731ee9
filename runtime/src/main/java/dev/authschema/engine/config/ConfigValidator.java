package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UnsupportedCapabilityException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The start-up checks: every problem of a configuration at once, each message naming the setting to fix. */
final class ConfigValidator {

    /** Shorter secrets are guessable; Auth.js's generator makes 44 characters. */
    static final int MIN_SECRET_LENGTH = 32;

    /** Shorter clean-up intervals would keep the database busy for nothing. */
    static final Duration MIN_CLEANUP_INTERVAL = Duration.ofSeconds(1);

    private ConfigValidator() {}

    /** Adds every problem to those already found while reading the environment; throws if there is any. */
    static void validate(
            List<ProviderConfig> providers,
            AuthAdapter adapter,
            SessionStrategy strategy,
            Duration maxAge,
            Duration updateAge,
            List<String> secrets,
            boolean development,
            List<String> problems) {
        checkSecrets(secrets, development, problems);
        checkSessionTimes(maxAge, updateAge, problems);
        checkProviders(providers, problems);
        checkAdapter(providers, adapter, strategy, problems);
        if (!problems.isEmpty()) {
            throw new AuthConfigurationException(problems);
        }
    }

    /**
     * Reads a duration setting from the environment.
     *
     * @param environment the environment
     * @param variable    the environment variable, such as {@code AUTH_CLEANUP_INTERVAL}
     * @param option      the builder option it stands for, named in the message
     * @param problems    where an unreadable value is reported
     * @return the duration, or empty when the variable is unset, blank or unreadable
     */
    static Optional<Duration> durationSetting(
            Function<String, String> environment, String variable, String option, List<String> problems) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(value.strip()));
        } catch (DateTimeParseException e) {
            problems.add(option + ": " + variable + " is '" + value.strip() + "', not an ISO-8601 duration; write"
                    + " e.g. PT1H (one hour), PT30M (30 minutes) or PT45S (45 seconds)");
            return Optional.empty();
        }
    }

    static void checkCleanup(Duration interval, Duration firstDelay, List<String> problems) {
        if (interval.compareTo(MIN_CLEANUP_INTERVAL) < 0) {
            problems.add("cleanupInterval (AUTH_CLEANUP_INTERVAL): must be at least PT1S (one second), is " + interval);
        }
        if (firstDelay != null && firstDelay.isNegative()) {
            problems.add("cleanupFirstDelay (AUTH_CLEANUP_FIRST_DELAY): must not be negative, is " + firstDelay);
        }
    }

    /**
     * @param secrets the secrets in order (the current one first), an empty list when none is set; a part may be
     *                {@code ""} (two commas in a row), which is reported
     */
    private static void checkSecrets(List<String> secrets, boolean development, List<String> problems) {
        if (secrets.isEmpty() && !development) {
            problems.add("secret: AUTH_SECRET is not set. Set the environment variable AUTH_SECRET (generate one with"
                    + " `openssl rand -base64 33`) or call AuthConfig.builder().secret(...); only development(true)"
                    + " may run without one");
            return;
        }
        for (int i = 0; i < secrets.size(); i++) {
            String name =
                    secrets.size() == 1 ? "AUTH_SECRET" : "AUTH_SECRET's secret " + (i + 1) + " of " + secrets.size();
            String secret = secrets.get(i);
            if (secret.isEmpty()) {
                problems.add("secret: " + name + " is empty: separate the secrets with single commas (the current"
                        + " one first, then the older ones still accepted), with no comma at the end");
            } else if (secrets.subList(0, i).contains(secret)) {
                problems.add("secret: " + name + " repeats an earlier one; list each secret once");
            } else if (!development) {
                SecretStrength.problem(secret, name).ifPresent(problems::add);
            }
        }
    }

    private static void checkSessionTimes(Duration maxAge, Duration updateAge, List<String> problems) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            problems.add("sessionMaxAge: must be positive, is " + maxAge);
        }
        if (updateAge.isNegative()) {
            problems.add("sessionUpdateAge: must not be negative, is " + updateAge);
        } else if (updateAge.compareTo(maxAge) > 0) {
            problems.add("sessionUpdateAge (" + updateAge + ") must not exceed sessionMaxAge (" + maxAge + ")");
        }
    }

    private static void checkProviders(List<ProviderConfig> providers, List<String> problems) {
        Set<String> ids = new HashSet<>();
        for (ProviderConfig provider : providers) {
            String where = "providers[" + provider.id() + "]";
            if (!provider.id().matches("[A-Za-z0-9_-]+")) {
                problems.add(where + ".id: use only letters, digits, '-' and '_' (it appears in URLs)");
            }
            if (!ids.add(provider.id())) {
                problems.add(where + ": two providers have the id '" + provider.id() + "'");
            }
            if (provider instanceof OAuthProviderConfig oauth) {
                checkOAuthProvider(oauth, where, problems);
            } else if (provider instanceof EmailProviderConfig email) {
                checkEmailProvider(email, where, problems);
            } else if (provider instanceof PasswordProviderConfig password) {
                checkPasswordProvider(password, providers, where, problems);
            }
        }
    }

    /** Its mails go through an e-mail provider that mails links. */
    private static void checkPasswordProvider(
            PasswordProviderConfig password, List<ProviderConfig> providers, String where, List<String> problems) {
        Optional<ProviderConfig> mailer = providers.stream()
                .filter(p -> p.id().equals(password.emailProviderId()))
                .findFirst();
        if (mailer.isEmpty()) {
            problems.add(where + ": password sign-in mails verification and reset links through the e-mail provider '"
                    + password.emailProviderId() + "', which is not configured; add provider(Providers.email(\"noreply@"
                    + "your.domain\")), or name another e-mail provider with withEmailProvider(id)");
        } else if (!(mailer.get() instanceof EmailProviderConfig email) || email.mailsCodes()) {
            problems.add(where + ".emailProviderId: provider '" + password.emailProviderId() + "' is not an e-mail"
                    + " provider that mails links (Providers.email(...)); password sign-in needs one for its"
                    + " verification and reset links");
        }
    }

    private static void checkOAuthProvider(OAuthProviderConfig oauth, String where, List<String> problems) {
        String prefix = oauth.environmentPrefix();
        if (oauth.clientId() == null) {
            problems.add(where + ".clientId is missing: set " + prefix + "_ID or call withClient(id, secret)");
        }
        if (oauth.clientSecret() == null && oauth.clientSecretSigner() == null) {
            problems.add(where + ".clientSecret is missing: set " + prefix + "_SECRET or call withClient(id, secret)");
        }
        if (oauth.openIdConnect() && oauth.issuer() == null) {
            problems.add(where + ".issuer is missing: set " + prefix + "_ISSUER or call withIssuer(url)");
        }
        if (!oauth.openIdConnect()
                && (oauth.authorizationEndpoint() == null
                        || oauth.tokenEndpoint() == null
                        || oauth.userInfoEndpoint() == null)) {
            problems.add(where + ": a plain OAuth 2 provider needs authorization, token and user info endpoints"
                    + " (withEndpoints(...))");
        }
    }

    private static void checkEmailProvider(EmailProviderConfig email, String where, List<String> problems) {
        if (email.from() == null || email.from().isBlank()) {
            problems.add(where + ".from: the sender address of sign-in e-mails is missing");
        }
        if (email.maxAge().isNegative() || email.maxAge().isZero()) {
            problems.add(where + ".maxAge: must be positive, is " + email.maxAge());
        }
        if (email.mailsCodes()) {
            problems.addAll(email.codes().problems(where, email.maxAge()));
        }
    }

    private static void checkAdapter(
            List<ProviderConfig> providers, AuthAdapter adapter, SessionStrategy strategy, List<String> problems) {
        Set<AdapterCapability> needed = EnumSet.noneOf(AdapterCapability.class);
        if (strategy == SessionStrategy.DATABASE) {
            needed.add(AdapterCapability.SESSIONS);
            if (adapter == null) {
                problems.add("sessionStrategy: DATABASE sessions need an adapter; call adapter(...) or choose"
                        + " sessionStrategy(SessionStrategy.JWT)");
            }
        }
        if (providers.stream().anyMatch(EmailProviderConfig.class::isInstance)) {
            needed.add(AdapterCapability.VERIFICATION_TOKENS);
            if (adapter == null) {
                problems.add("providers[email]: e-mail sign-in stores its tokens in the database; call adapter(...)");
            }
        }
        if (adapter != null && providers.stream().anyMatch(OAuthProviderConfig.class::isInstance)) {
            needed.add(AdapterCapability.ACCOUNTS);
        }
        if (providers.stream().anyMatch(PasswordProviderConfig.class::isInstance)) {
            if (adapter == null) {
                problems.add("providers[password]: password sign-in stores users and their password hashes in the"
                        + " database; call adapter(...)");
            } else if (!adapter.capabilities().contains(AdapterCapability.PASSWORDS)) {
                // The generic message names the method; this one says what to add to the schema.
                problems.add(
                        "providers[password]: the adapter " + adapter.getClass().getName() + " cannot store"
                                + " password hashes (capability PASSWORDS): add the property `passwordHash String?` to the"
                                + " User model of the schema and regenerate, or remove the password provider");
            }
            needed.add(AdapterCapability.USERS);
            needed.add(AdapterCapability.VERIFICATION_TOKENS);
        }
        if (adapter != null) {
            try {
                adapter.requireCapabilities(needed);
            } catch (UnsupportedCapabilityException e) {
                problems.add("adapter: " + e.getMessage());
            }
        }
    }
}
