package dev.authschema.engine.email;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises e-mail addresses before they are stored or compared: NFKC (so full-width and compatibility characters
 * become their plain forms), trimmed, lower-case. Refuses what cannot be a deliverable address, with a message that
 * says why.
 */
public final class EmailAddresses {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

    private EmailAddresses() {
    }

    /**
     * @param raw what the user typed
     * @return the normalised address
     * @throws InvalidEmailException if it is not a plausible address, with the reason
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidEmailException("Enter an e-mail address.");
        }
        String email = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_LENGTH) {
            throw new InvalidEmailException("The e-mail address is longer than " + MAX_LENGTH + " characters.");
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.indexOf('@') != at) {
            throw new InvalidEmailException("The e-mail address must have the form name@example.com.");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > MAX_LOCAL_LENGTH || !LOCAL.matcher(local).matches() || local.startsWith(".")
                || local.endsWith(".") || local.contains("..")) {
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
        return email;
    }
}
