package dev.authschema.engine.model;

/**
 * The signIn callback refused a sign-in and chose where the browser goes instead
 * ({@code SignInDecision.redirect}). The target is untrusted until the redirect callback has checked it; without a
 * redirect (an {@code AuthService} caller that ignores it) this is an {@code AccessDenied}.
 */
public final class SignInRedirectException extends AuthFlowException {

    private static final long serialVersionUID = 1L;

    /** Where the callback wants the browser to go; not checked yet. */
    private final String target;

    /**
     * @param target   where the callback wants the browser to go
     * @param provider the provider of the refused sign-in, for the log
     */
    public SignInRedirectException(String target, String provider) {
        super(AuthErrorCode.AccessDenied, "signIn callback refused a sign-in with " + provider + " and redirects");
        this.target = target;
    }

    /**
     * @return where the callback wants the browser to go, to be checked by the redirect callback
     */
    public String target() {
        return target;
    }
}
