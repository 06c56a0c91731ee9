package dev.authschema.adapter;

/**
 * Thrown by {@link AuthAdapter#linkAccount} when an account with the same provider and provider account id is
 * already stored (for this or another user). Nothing was changed.
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
        super("An account for provider '" + provider + "' with providerAccountId '" + providerAccountId
                + "' is already linked", cause);
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
