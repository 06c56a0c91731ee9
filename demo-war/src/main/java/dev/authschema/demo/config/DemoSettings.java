package dev.authschema.demo.config;

import dev.authschema.engine.config.SessionStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's settings. Each is an environment variable, or a system property of the same name (handy for
 * {@code java -DAUTH_SECRET=... -jar payara-micro.jar}); the environment wins.
 */
@ApplicationScoped
public class DemoSettings {

    /**
     * @param name a setting such as {@code AUTH_SECRET}
     * @return its value, or {@code null} when unset or blank
     */
    public String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * @param name a setting
     * @return whether it has a value
     */
    public boolean has(String name) {
        return get(name) != null;
    }

    /**
     * @return whether this is a development run: sign-in e-mails may go to the development mailbox and a missing
     *         {@code AUTH_SECRET} is replaced by a random one
     */
    public boolean developmentMode() {
        return "true".equalsIgnoreCase(get("DEMO_DEV_MODE"));
    }

    /**
     * @return where sessions live, from {@code AUTH_SESSION_STRATEGY} ({@code database}, the default, or {@code jwt})
     * @throws IllegalStateException for any other value, naming the setting
     */
    public SessionStrategy sessionStrategy() {
        String value = get("AUTH_SESSION_STRATEGY");
        if (value == null) {
            return SessionStrategy.DATABASE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "database" -> SessionStrategy.DATABASE;
            case "jwt" -> SessionStrategy.JWT;
            default ->
                throw new IllegalStateException(
                        "AUTH_SESSION_STRATEGY must be 'database' or 'jwt', not '" + value + "'");
        };
    }

    /**
     * @return whether someone without an account may sign up with a passkey alone ({@code DEMO_PASSKEY_SIGNUP=true};
     *         off by default: such an account has no e-mail address to recover it by)
     */
    public boolean passkeySignUp() {
        return "true".equalsIgnoreCase(get("DEMO_PASSKEY_SIGNUP"));
    }

    /**
     * @return the sender address of sign-in e-mails
     */
    public String emailFrom() {
        return Optional.ofNullable(get("EMAIL_FROM")).orElse("noreply@authschema.example");
    }

    /**
     * @return the SMTP server, when {@code SMTP_HOST} is set
     */
    public Optional<SmtpSettings> smtp() {
        String host = get("SMTP_HOST");
        if (host == null) {
            return Optional.empty();
        }
        String portSetting = Optional.ofNullable(get("SMTP_PORT")).orElse("587");
        int port;
        try {
            port = Integer.parseInt(portSetting);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("SMTP_PORT must be a port number, not '" + portSetting + "'", e);
        }
        return Optional.of(new SmtpSettings(
                host, port, get("SMTP_USER"), get("SMTP_PASSWORD"), "true".equalsIgnoreCase(get("SMTP_STARTTLS"))));
    }

    /**
     * @return the (lower-case) addresses whose members get the role ADMIN when they sign in
     */
    public Set<String> adminEmails() {
        String list = get("DEMO_ADMIN_EMAILS");
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
