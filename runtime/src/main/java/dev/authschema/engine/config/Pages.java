package dev.authschema.engine.config;

/**
 * The application's own pages, as Auth.js's {@code pages} option; paths are relative to the application's context
 * path. A {@code null} page means the engine's built-in one (or, for {@code signIn}, a plain 401 response).
 *
 * @param signIn        the sign-in page; protected resources redirect here with {@code ?callbackUrl=}
 * @param error         the error page; receives {@code ?error=Code}
 * @param verifyRequest shown after a sign-in e-mail was sent
 * @param confirmEmail  the page a sign-in link opens; it must POST {@code token}, {@code email} and
 *                      {@code csrfToken} to {@code /api/auth/callback/email}. {@code null}: a built-in page
 * @param newUser       where a user goes after their first sign-in, or {@code null} for the callback URL
 */
public record Pages(String signIn, String error, String verifyRequest, String confirmEmail, String newUser) {

    /**
     * @return no custom pages: the built-in ones everywhere
     */
    public static Pages defaults() {
        return new Pages(null, null, null, null, null);
    }

    /**
     * @param path the sign-in page
     * @return these pages with another sign-in page
     */
    public Pages withSignIn(String path) {
        return new Pages(path, error, verifyRequest, confirmEmail, newUser);
    }

    /**
     * @param path the error page
     * @return these pages with another error page
     */
    public Pages withError(String path) {
        return new Pages(signIn, path, verifyRequest, confirmEmail, newUser);
    }

    /**
     * @param path the verify-request page
     * @return these pages with another verify-request page
     */
    public Pages withVerifyRequest(String path) {
        return new Pages(signIn, error, path, confirmEmail, newUser);
    }

    /**
     * @param path the e-mail confirmation page
     * @return these pages with another confirmation page
     */
    public Pages withConfirmEmail(String path) {
        return new Pages(signIn, error, verifyRequest, path, newUser);
    }

    /**
     * @param path the new-user page
     * @return these pages with another new-user page
     */
    public Pages withNewUser(String path) {
        return new Pages(signIn, error, verifyRequest, confirmEmail, path);
    }
}
