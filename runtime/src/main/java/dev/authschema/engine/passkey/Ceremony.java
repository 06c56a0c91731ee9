package dev.authschema.engine.passkey;

/**
 * What a ceremony remembers between its options and the browser's answer, in the sealed challenge cookie.
 *
 * @param provider   the provider id the options were made for
 * @param action     {@link #REGISTER} or {@link #AUTHENTICATE}
 * @param challenge  the challenge, base64url
 * @param userId     for a registration of a signed-in user, that user's id; else {@code null}
 * @param userHandle for a registration, the WebAuthn user handle given to the authenticator (base64url); else
 *                   {@code null}
 * @param userName   for a sign-up, the name the new user gave; else {@code null}
 */
public record Ceremony(
        String provider, String action, String challenge, String userId, String userHandle, String userName) {

    /** Creates a passkey. */
    public static final String REGISTER = "register";

    /** Signs in with a passkey. */
    public static final String AUTHENTICATE = "authenticate";

    /** Leaves out the challenge and the user. */
    @Override
    public String toString() {
        return "Ceremony[provider=" + provider + ", action=" + action + "]";
    }
}
