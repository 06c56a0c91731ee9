package dev.authschema.engine.ratelimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code max} requests per key in a window of {@code window}, counted from the key's first request.
 *
 * @param max    requests allowed per window, at least 1
 * @param window how long a window lasts, at least one second and at most {@link #MAX_WINDOW}
 */
public record RateLimitRule(int max, Duration window) {

    /**
     * The longest window: a year. A longer one locks an address out for that long, and past the clock's or the
     * database's range ({@code PT2562047788015215H}, {@code 999999999d}) would fail every request it counts.
     */
    public static final Duration MAX_WINDOW = Duration.ofDays(366);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    /** Checks the values. */
    public RateLimitRule {
        if (max < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request per window, not " + max);
        }
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a rate-limit window lasts at least one second, not " + window);
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "a rate-limit window lasts at most " + MAX_WINDOW.toDays() + " days, not " + window);
        }
    }

    /**
     * @param max    requests allowed per window
     * @param window the window
     * @return the rule
     */
    public static RateLimitRule of(int max, Duration window) {
        return new RateLimitRule(max, window);
    }

    /**
     * Reads a rule written {@code <max>/<window>}, the window as {@code 60s}, {@code 10m}, {@code 1h}, {@code 1d} or
     * an ISO-8601 duration ({@code PT10M}).
     *
     * @param text     the text, e.g. {@code 100/60s}
     * @param setting  the setting it came from, named in the message (e.g. {@code AUTH_RATE_LIMIT_POST})
     * @param problems where an unreadable value is reported
     * @return the rule, or empty when unreadable (then a problem was added)
     */
    static Optional<RateLimitRule> parse(String text, String setting, List<String> problems) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String hint = "; write <requests>/<window>, e.g. 100/60s, 3/10m or 10/PT1H";
        if (slash < 0) {
            problems.add(setting + " is '" + value + "', not a rate limit" + hint);
            return Optional.empty();
        }
        int max;
        try {
            max = Integer.parseInt(value.substring(0, slash).strip());
        } catch (NumberFormatException e) {
            problems.add(setting + " is '" + value + "': '"
                    + value.substring(0, slash).strip() + "' is not a whole number of requests" + hint);
            return Optional.empty();
        }
        Optional<Duration> window = duration(value.substring(slash + 1).strip());
        if (window.isEmpty()) {
            problems.add(setting + " is '" + value + "': '"
                    + value.substring(slash + 1).strip() + "' is not a duration" + hint);
            return Optional.empty();
        }
        try {
            return Optional.of(new RateLimitRule(max, window.get()));
        } catch (IllegalArgumentException e) {
            problems.add(setting + " is '" + value + "': " + e.getMessage() + hint);
            return Optional.empty();
        }
    }

    private static Optional<Duration> duration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(
                    switch (matcher.group(2)) {
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
        }
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** As it is written in the settings, e.g. {@code 100/PT1M}. */
    @Override
    public String toString() {
        return max + "/" + window;
    }
}
