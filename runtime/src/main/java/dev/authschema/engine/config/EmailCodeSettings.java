package dev.authschema.engine.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an e-mail provider in code mode makes its one-time codes (Better Auth's {@code emailOTP}): the mail holds a
 * short code instead of a link, and the user types it into the page of the browser that asked for it. The code's
 * lifetime is the provider's {@code maxAge}.
 *
 * @param length      characters per code; 6 by default
 * @param alphabet    the characters a code is drawn from, each at most once; digits by default
 * @param maxAttempts how many codes may be typed for one request before it is burnt; 5 by default
 */
public record EmailCodeSettings(int length, String alphabet, int maxAttempts) {

    /** Digits, which phones offer on their numeric keyboard ({@code inputmode="numeric"}). */
    public static final String DIGITS = "0123456789";

    /** Fewer possible codes than a million makes five guesses too likely to hit (1 in 200,000 at the least). */
    static final double MIN_CODES = 1e6;

    /** Longer codes stop being "short"; a link is the better tool then. */
    static final int MAX_LENGTH = 16;

    /** More attempts than this turn the code into a guessing game. */
    static final int MAX_ATTEMPTS = 10;

    /** A code is typed within minutes; the longer it lives, the longer it can be guessed at. */
    static final Duration MAX_LIFETIME = Duration.ofHours(1);

    /**
     * @param length      characters per code
     * @param alphabet    the characters to draw from
     * @param maxAttempts attempts before the code is burnt
     */
    public EmailCodeSettings {
        Objects.requireNonNull(alphabet, "alphabet");
    }

    /**
     * @return six digits, five attempts
     */
    public static EmailCodeSettings defaults() {
        return new EmailCodeSettings(6, DIGITS, 5);
    }

    /**
     * @param characters per code
     * @return a copy with that length
     */
    public EmailCodeSettings withLength(int characters) {
        return new EmailCodeSettings(characters, alphabet, maxAttempts);
    }

    /**
     * @param characters the characters to draw from, such as {@code "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"}
     * @return a copy with that alphabet
     */
    public EmailCodeSettings withAlphabet(String characters) {
        return new EmailCodeSettings(length, characters, maxAttempts);
    }

    /**
     * @param attempts how many codes may be typed before the request is burnt
     * @return a copy with that budget
     */
    public EmailCodeSettings withMaxAttempts(int attempts) {
        return new EmailCodeSettings(length, alphabet, attempts);
    }

    /**
     * The start-up checks of these settings.
     *
     * @param where    the provider's place in the configuration, such as {@code providers[email-code]}
     * @param lifetime the provider's {@code maxAge}
     * @return each problem, naming the setting and how to fix it; empty when the settings are usable
     */
    List<String> problems(String where, Duration lifetime) {
        List<String> problems = new ArrayList<>();
        if (alphabet.length() < 2 || alphabet.chars().distinct().count() != alphabet.length()) {
            problems.add(
                    where + ".codes.alphabet: needs at least two characters, each only once, is '" + alphabet + "'");
        } else if (!alphabet.chars().allMatch(c -> c > ' ' && c < 127)) {
            problems.add(where + ".codes.alphabet: only visible ASCII characters (no spaces), which every keyboard"
                    + " can type, is '" + alphabet + "'");
        }
        if (length < 1 || length > MAX_LENGTH) {
            problems.add(where + ".codes.length: must be between 1 and " + MAX_LENGTH + ", is " + length);
        } else if (alphabet.length() >= 2 && Math.pow(alphabet.length(), length) < MIN_CODES) {
            problems.add(where + ".codes.length: " + length + " characters of a " + alphabet.length()
                    + "-character alphabet give fewer than a million codes; make the code longer (6 digits or 5"
                    + " letters and digits at the least)");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            problems.add(where + ".codes.maxAttempts: must be between 1 and " + MAX_ATTEMPTS + ", is " + maxAttempts);
        }
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            problems.add(where + ".maxAge: a one-time code may live at most " + MAX_LIFETIME + ", is " + lifetime
                    + "; use withMaxAge(Duration.ofMinutes(10)), or an e-mail link for longer");
        }
        return problems;
    }
}
