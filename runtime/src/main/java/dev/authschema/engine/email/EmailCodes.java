package dev.authschema.engine.email;

import dev.authschema.engine.config.EmailCodeSettings;
import java.security.SecureRandom;
import java.util.Locale;

/** Makes one-time codes, reads what a user typed, and says how a code is stored. */
public final class EmailCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Longer input is not a code of any valid setting; it is refused before it is hashed. */
    static final int MAX_TYPED = 64;

    private EmailCodes() {}

    /**
     * @param settings length and alphabet
     * @return a new code, each character drawn uniformly from the alphabet by a CSPRNG
     */
    public static String newCode(EmailCodeSettings settings) {
        StringBuilder code = new StringBuilder(settings.length());
        for (int i = 0; i < settings.length(); i++) {
            code.append(settings.alphabet()
                    .charAt(RANDOM.nextInt(settings.alphabet().length())));
        }
        return code.toString();
    }

    /**
     * How the code is stored as the verification token: bound to the address, so that the same code mailed to two
     * addresses makes two different rows and a code typed for another address matches nothing.
     *
     * @param email  the normalised address
     * @param code   the plain code
     * @param secret the application secret
     * @return the stored form, as {@link VerificationTokenHash}
     */
    public static String hash(String email, String code, String secret) {
        return VerificationTokenHash.of("email-code:" + email + ":" + code, secret);
    }

    /**
     * @param typed    what the user typed (untrusted), or {@code null}
     * @param settings the provider's code settings
     * @return the code it stands for (spaces dropped; upper-cased when the alphabet has no lower-case letters), or
     *         {@code null} when it cannot be a code of these settings
     */
    static String normalize(String typed, EmailCodeSettings settings) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return null;
        }
        String code = typed.replaceAll("\\s", "");
        if (settings.alphabet().equals(settings.alphabet().toUpperCase(Locale.ROOT))) {
            code = code.toUpperCase(Locale.ROOT);
        }
        if (code.length() != settings.length()
                || !code.chars().allMatch(c -> settings.alphabet().indexOf(c) >= 0)) {
            return null;
        }
        return code;
    }
}
