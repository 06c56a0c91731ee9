package dev.authschema.engine.model;

/**
 * The error codes the engine puts in {@code ?error=} when it redirects to the error or sign-in page; the same
 * names Auth.js uses, so that pages written for Auth.js keep working.
 */
public enum AuthErrorCode {
    /** The server is misconfigured (missing secret, unknown provider, ...). Details are in the server log only. */
    Configuration("There is a problem with the server configuration. Check the server log for details."),
    /** The signIn callback refused the user. */
    AccessDenied("You do not have permission to sign in."),
    /** The sign-in link is invalid, expired or has already been used. */
    Verification("The sign-in link is no longer valid. It may have been used already or it may have expired."),
    /** The OAuth account's e-mail address belongs to a user who signed in another way. */
    OAuthAccountNotLinked("To confirm your identity, sign in with the same account you used originally."),
    /** Starting the OAuth flow failed (provider unreachable or misconfigured). */
    OAuthSignin("Could not start the sign-in with this provider. Try again later."),
    /** The provider's answer could not be verified (state, nonce, PKCE or ID token check failed). */
    OAuthCallbackError("The sign-in with this provider could not be completed. Try again."),
    /** The e-mail address was malformed or the e-mail could not be sent. */
    EmailSignin("The sign-in e-mail could not be sent. If the address is right, the fault is ours, not yours:"
            + " please try again later."),
    /** A state-changing request lacked a valid CSRF token. */
    MissingCSRF("The form has expired. Reload the page and try again."),
    /** The page needs a signed-in user. */
    SessionRequired("Please sign in to access this page."),
    /** Too many requests from this client, or sign-in e-mails to this address; the answer says when to retry. */
    RateLimited("Too many attempts. Wait a few minutes, then try again."),
    /** A passkey ceremony failed: a wrong origin, an expired or used challenge, a bad signature, a cloned key. */
    WebAuthnVerificationError("The passkey could not be verified. Try again, or sign in another way."),
    /** Password sign-in failed: an unknown address or a wrong password, told apart to nobody (Auth.js's code). */
    CredentialsSignin("Sign in failed. Check the details you provided are correct."),
    /** The password was right, but the address is not confirmed yet and the provider requires it. */
    EmailNotVerified(
            "Confirm your e-mail address first: follow the link we sent you, then sign in with your" + " password."),
    /** A new password outside the length rule (too short, or longer than 128 characters). */
    PasswordRejected("Choose another password: it is too short or longer than 128 characters."),
    /** Anything else. */
    Default("Unable to sign in.");

    private final String message;

    AuthErrorCode(String message) {
        this.message = message;
    }

    /**
     * @return a message safe to show to the user (it never contains details of the failure)
     */
    public String userMessage() {
        return message;
    }

    /**
     * @param code a code from a query string, possibly unknown or {@code null}
     * @return the matching code, or {@link #Default}
     */
    public static AuthErrorCode fromQuery(String code) {
        for (AuthErrorCode candidate : values()) {
            if (candidate.name().equals(code)) {
                return candidate;
            }
        }
        return Default;
    }
}
