package dev.authschema.engine.config;

/**
 * The application's own pages, as Auth.js's {@code pages} option; paths are relative to the application's context
 * path (or absolute URLs). A {@code null} page means the engine's built-in one, themed by {@link Theme}: the
 * sign-in page at {@code /api/auth/signin}, the sign-out confirmation at {@code /api/auth/signout}, the error page
 * at {@code /api/auth/error} and the verify-request page at {@code /api/auth/verify-request}. When the sign-in,
 * sign-out or error page is set, its built-in URL redirects to it, keeping the checked {@code callbackUrl} (and a
 * known {@code error} code); the engine's own redirects (after an e-mail sign-in, on a failure) go to the set page.
 *
 * @param signIn        the sign-in page; protected resources redirect an anonymous browser here with
 *                      {@code ?callbackUrl=}
 * @param error         the error page; receives {@code ?error=Code}
 * @param verifyRequest shown after a sign-in e-mail was sent
 * @param confirmEmail  the page a sign-in link opens; it must POST {@code token}, {@code email} and
 *                      {@code csrfToken} to {@code /api/auth/callback/email}. {@code null}: a built-in page
 * @param newUser       where a user goes after their first sign-in, or {@code null} for the callback URL
 * @param signOut       the sign-out confirmation page; it must POST {@code csrfToken} (and {@code callbackUrl}) to
 *                      {@code /api/auth/signout}
 */
public record Pages(
        String signIn, String error, String verifyRequest, String confirmEmail, String newUser, String signOut) {

    /**
     * The pages without a sign-out page of their own (the form before {@code signOut} was added).
     *
     * @param signIn        the sign-in page
     * @param error         the error page
     * @param verifyRequest the verify-request page
     * @param confirmEmail  the e-mail confirmation page
     * @param newUser       the new-user page
     */
    public Pages(String signIn, String error, String verifyRequest, String confirmEmail, String newUser) {
        this(signIn, error, verifyRequest, confirmEmail, newUser, null);
    }

    /**
     * @return no custom pages: the built-in ones everywhere
     */
    public static Pages defaults() {
        return new Pages(null, null, null, null, null, null);
    }

    /**
     * @param path the sign-out confirmation page
     * @return these pages with another sign-out page
     */
    public Pages withSignOut(String path) {
        return new Pages(signIn, error, verifyRequest, confirmEmail, newUser, path);
    }

    /**
     * @param path the sign-in page
     * @return these pages with another sign-in page
     */
    public Pages withSignIn(String path) {
        return new Pages(path, error, verifyRequest, confirmEmail, newUser, signOut);
    }

    /**
     * @param path the error page
     * @return these pages with another error page
     */
    public Pages withError(String path) {
        return new Pages(signIn, path, verifyRequest, confirmEmail, newUser, signOut);
    }

    /**
     * @param path the verify-request page
     * @return these pages with another verify-request page
     */
    public Pages withVerifyRequest(String path) {
        return new Pages(signIn, error, path, confirmEmail, newUser, signOut);
    }

    /**
     * @param path the e-mail confirmation page
     * @return these pages with another confirmation page
     */
    public Pages withConfirmEmail(String path) {
        return new Pages(signIn, error, verifyRequest, path, newUser, signOut);
    }

    /**
     * @param path the new-user page
     * @return these pages with another new-user page
     */
    public Pages withNewUser(String path) {
        return new Pages(signIn, error, verifyRequest, confirmEmail, path, signOut);
    }
}
