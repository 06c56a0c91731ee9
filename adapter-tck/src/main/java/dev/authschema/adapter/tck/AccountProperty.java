package dev.authschema.adapter.tck;

/** The optional properties of an account, which some stores (NextAuth v3 schemas) have no column for. */
public enum AccountProperty {
    REFRESH_TOKEN,
    ACCESS_TOKEN,
    EXPIRES_AT,
    TOKEN_TYPE,
    SCOPE,
    ID_TOKEN,
    SESSION_STATE
}
