package dev.authschema.codegen.java;

import static dev.authschema.contract.CanonicalProperty.ACCOUNT_EXPIRES_AT;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER_ACCOUNT_ID;

import com.palantir.javapoet.CodeBlock;
import dev.authschema.dsl.resolve.ScalarType;
import java.time.Instant;

/**
 * How the account model stores what the record carries, for every writer of account methods: the lookup by
 * provider and provider account id, and {@code expires_at}, epoch seconds in the contract but {@code Int},
 * {@code BigInt} or (NextAuth v3) {@code DateTime} in a schema.
 */
final class AccountColumns {

    private final RoleModel account;

    AccountColumns(RoleModel account) {
        this.account = account;
    }

    /** {@code SELECT a FROM Account a WHERE a.provider = :provider AND a.providerAccountId = :providerAccountId}. */
    Jpql byKey() {
        return Jpql.of("SELECT a FROM " + account.name() + " a")
                .where(account.path("a", ACCOUNT_PROVIDER) + " = :provider")
                .and(account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID) + " = :providerAccountId");
    }

    /** The filter that compares the keys of a found row ({@code found}) exactly, after the database's comparison. */
    CodeBlock sameKey(String provider, String providerAccountId) {
        return CodeBlock.of(
                ".filter(found -> $L.equals($L)\n$>$>&& $L.equals($L))$<$<",
                provider,
                account.get("found", ACCOUNT_PROVIDER),
                providerAccountId,
                account.get("found", ACCOUNT_PROVIDER_ACCOUNT_ID));
    }

    /** Whether {@code expires_at} is stored as something other than the record's {@code Long}. */
    boolean expiresAtConverted() {
        ScalarType type = account.type(ACCOUNT_EXPIRES_AT);
        return type == ScalarType.DATETIME || type == ScalarType.INT;
    }

    /** The record's {@code expiresAt} (a {@code Long}) as the entity's field value. */
    CodeBlock expiresAtToEntity(CodeBlock value) {
        return switch (account.type(ACCOUNT_EXPIRES_AT)) {
            case DATETIME -> CodeBlock.of("$L == null ? null : $T.ofEpochSecond($L)", value, Instant.class, value);
            case INT -> CodeBlock.of("$L == null ? null : $T.toIntExact($L)", value, Math.class, value);
            default -> value;
        };
    }

    /** The entity's field value as the record's {@code expiresAt}. */
    CodeBlock expiresAtFromEntity(CodeBlock value) {
        return switch (account.type(ACCOUNT_EXPIRES_AT)) {
            case DATETIME -> CodeBlock.of("$L == null ? null : $L.getEpochSecond()", value, value);
            case INT -> CodeBlock.of("$L == null ? null : $L.longValue()", value, value);
            default -> value;
        };
    }
}
