package dev.authschema.adapter;

/**
 * Thrown by {@link AuthAdapter#linkAccount} when an account with the same provider and provider account id is
 * already stored (for this or another user), also when another call linked it a moment earlier (the loser of a
 * race). Nothing was changed. The message names the provider only: the provider account id identifies a person, so
 * it is kept in {@link #providerAccountId()} for the code that handles the refusal, not in the log.
 */
public class DuplicateAccountException extends AdapterException {

    private static final long serialVersionUID = 1L;

    /** The provider of the refused account. */
    private final String provider;
    /** The provider account id of the refused account. */
    private final String providerAccountId;

    /**
     * @param provider          the provider of the refused account
     * @param providerAccountId the provider account id of the refused account
     * @param cause             the store's own exception (a unique-constraint violation), or {@code null}
     */
    public DuplicateAccountException(String provider, String providerAccountId, Throwable cause) {
        super(
                "linkAccount: an account of provider '" + provider + "' with this providerAccountId is already linked"
                        + " (to this or another user); nothing was changed",
                cause);
        this.provider = provider;
        this.providerAccountId = providerAccountId;
    }

    /**
     * @return the provider of the refused account
     */
    public String provider() {
        return provider;
    }

    /**
     * @return the provider account id of the refused account
     */
    public String providerAccountId() {
        return providerAccountId;
    }
}
