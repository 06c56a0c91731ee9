package dev.authschema.adapter;

/**
 * Thrown by {@link AuthAdapter#updateAccount} when no account has the given provider and provider account id (it
 * was unlinked, or its user deleted, a moment earlier). Nothing was changed. The message names the provider only:
 * the provider account id identifies a person.
 */
public class UnknownAccountException extends AdapterException {

    private static final long serialVersionUID = 1L;

    /**
     * @param provider the provider of the account that was not found
     */
    public UnknownAccountException(String provider) {
        super("updateAccount: no account of provider '" + provider + "' has this providerAccountId (unlinked, or"
                + " never linked); nothing was changed");
    }
}
