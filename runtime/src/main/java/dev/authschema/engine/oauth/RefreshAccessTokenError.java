package dev.authschema.engine.oauth;

/**
 * The access token of an account could not be refreshed; Auth.js's {@code RefreshAccessTokenError}. The session is not
 * touched: the user stays signed in, and the application shows that the provider must be connected again (a new
 * sign-in with it stores new tokens). Nothing was stored. The message names the provider and the reason, never a
 * token or the account.
 */
public class RefreshAccessTokenError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no valid access token could be had. */
    public enum Reason {
        /** The user has no account at the provider (never signed in with it, or unlinked it). */
        NO_ACCOUNT,
        /** The token expired and the account has no refresh token (the provider issued none). */
        NO_REFRESH_TOKEN,
        /** The provider's token endpoint refused the refresh token (revoked, expired, or already rotated). */
        REFUSED,
        /** The token endpoint could not be reached or gave an answer that is not a token response. */
        PROVIDER_UNAVAILABLE
    }

    /** Why. */
    private final Reason reason;
    /** The provider's OAuth error code ({@code invalid_grant}, ...), or {@code null}. */
    private final String providerError;

    /**
     * @param provider      the provider id
     * @param reason        why
     * @param providerError the provider's OAuth error code, or {@code null}
     * @param cause         the failure, or {@code null}
     */
    public RefreshAccessTokenError(String provider, Reason reason, String providerError, Throwable cause) {
        super(
                "RefreshAccessTokenError: no valid access token of provider '" + provider + "': " + describe(reason)
                        + (providerError == null ? "" : " (provider error " + providerError + ")")
                        + "; sign in with the provider again to store new tokens",
                cause);
        this.reason = reason;
        this.providerError = providerError;
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case NO_ACCOUNT -> "the user has no account at this provider";
            case NO_REFRESH_TOKEN -> "the access token expired and the provider issued no refresh token";
            case REFUSED -> "the token endpoint refused the refresh token";
            case PROVIDER_UNAVAILABLE -> "the token endpoint could not be reached or answered no token response";
        };
    }

    /**
     * @return why no valid access token could be had
     */
    public Reason reason() {
        return reason;
    }

    /**
     * @return the provider's OAuth error code, such as {@code invalid_grant}, or {@code null}
     */
    public String providerError() {
        return providerError;
    }
}
