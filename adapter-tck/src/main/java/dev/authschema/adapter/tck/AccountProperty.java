package dev.authschema.adapter.tck;

import dev.authschema.contract.CanonicalProperty;

/**
 * The optional properties of an account, which some stores (NextAuth v3 schemas) have no column for: the optional
 * Account properties of the contract table that {@code AdapterAccount} carries.
 */
public enum AccountProperty {
    REFRESH_TOKEN(CanonicalProperty.ACCOUNT_REFRESH_TOKEN),
    ACCESS_TOKEN(CanonicalProperty.ACCOUNT_ACCESS_TOKEN),
    EXPIRES_AT(CanonicalProperty.ACCOUNT_EXPIRES_AT),
    TOKEN_TYPE(CanonicalProperty.ACCOUNT_TOKEN_TYPE),
    SCOPE(CanonicalProperty.ACCOUNT_SCOPE),
    ID_TOKEN(CanonicalProperty.ACCOUNT_ID_TOKEN),
    SESSION_STATE(CanonicalProperty.ACCOUNT_SESSION_STATE);

    private final CanonicalProperty canonical;

    AccountProperty(CanonicalProperty canonical) {
        this.canonical = canonical;
    }

    /** The property in the contract table: its schema field name and its {@code AdapterAccount} component. */
    public CanonicalProperty canonical() {
        return canonical;
    }
}
