package dev.authschema.engine.email;

import dev.authschema.engine.http.InputLimits;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises e-mail addresses before they are stored or compared: NFKC (so full-width and compatibility characters
 * become their plain forms), stripped of every leading and trailing Unicode space and invisible format character
 * (no-break space, ideographic space, zero-width space, byte order mark, ...), lower-case. Refuses what cannot be a
 * deliverable address, with a message that says why: over {@link InputLimits#MAX_EMAIL} characters, and IP-literal
 * ({@code a@[127.0.0.1]}) or bare IP ({@code a@127.0.0.1}) domains, which would let a sign-in link go to any host
 * that listens on port 25 rather than to a mail domain.
 */
public final class EmailAddresses {

    private static final int MAX_LENGTH = InputLimits.MAX_EMAIL;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

    private EmailAddresses() {}

    /**
     * @param raw what the user typed
     * @return the normalised address
     * @throws InvalidEmailException if it is not a plausible address, with the reason
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidEmailException("Enter an e-mail address.");
        }
        if (raw.length() > InputLimits.MAX_EMAIL_INPUT) {
            throw new InvalidEmailException("The e-mail address is longer than " + MAX_LENGTH + " characters.");
        }
        String email =
                stripSpaces(Normalizer.normalize(raw, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new InvalidEmailException("Enter an e-mail address.");
        }
        if (email.length() > MAX_LENGTH) {
            throw new InvalidEmailException("The e-mail address is longer than " + MAX_LENGTH + " characters.");
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.indexOf('@') != at) {
            throw new InvalidEmailException("The e-mail address must have the form name@example.com.");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > MAX_LOCAL_LENGTH
                || !LOCAL.matcher(local).matches()
                || local.startsWith(".")
                || local.endsWith(".")
                || local.contains("..")) {
            throw new InvalidEmailException("The part before @ in the e-mail address is not valid.");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidEmailException("The domain of the e-mail address needs a dot, as in example.com.");
        }
        for (String label : labels) {
            if (label.length() > 63 || !LABEL.matcher(label).matches()) {
                throw new InvalidEmailException("The domain of the e-mail address is not valid.");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            // No top-level domain is all digits (RFC 3696, 2): this is an IP address such as 127.0.0.1.
            throw new InvalidEmailException(
                    "The domain of the e-mail address must be a name such as example.com," + " not an IP address.");
        }
        return email;
    }

    /**
     * {@link String#strip()} keeps the no-break spaces (U+00A0, U+2007, U+202F) and invisible characters such as
     * U+200B and U+FEFF, which a copy from a web page or a phone keyboard adds: strip every space separator,
     * whitespace and format character at either end.
     */
    static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }
}
