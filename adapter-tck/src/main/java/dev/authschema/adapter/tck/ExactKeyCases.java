package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.AUTHENTICATORS;
import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.AdapterCapability.VERIFICATION_TOKENS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.VerificationToken;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Keys compare exactly: a lookup by a key with a trailing space finds nothing. SQL's PAD SPACE comparison (Derby,
 * MySQL's and MariaDB's {@code _bin} and {@code _ci} collations) takes {@code 'a'} and {@code 'a '} for equal, so an
 * adapter that leaves the comparison to such a database, or trims its keys, fails these cases.
 */
public interface ExactKeyCases extends ConformanceCases {

    /** A user's e-mail address with a trailing space is another address. */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void get_user_by_email_with_a_trailing_space_finds_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());

        assertThat(adapter.getUserByEmail(user.email() + " "))
                .as("getUserByEmail with a trailing space")
                .isEmpty();
        assertHolds(adapter.getUserByEmail(user.email()), user, "getUserByEmail with the address itself");
    }

    /** A session token with a trailing space neither finds nor updates the session. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void session_lookups_with_a_trailing_space_find_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterSession session = adapter.createSession(context().fixtures().session(user.id()));
        String padded = session.sessionToken() + " ";

        assertThat(adapter.getSessionAndUser(padded))
                .as("getSessionAndUser with a trailing space")
                .isEmpty();
        SessionUpdate later =
                SessionUpdate.of(padded).withExpires(session.expires().plus(1, ChronoUnit.DAYS));
        assertThat(adapter.updateSession(later))
                .as("updateSession with a trailing space")
                .isEmpty();
        assertHolds(context().db().session(session.sessionToken()), session, "the untouched session row");
        assertHolds(
                adapter.getSessionAndUser(session.sessionToken()).map(found -> found.session()),
                session,
                "getSessionAndUser with the token itself");
    }

    /** A verification token is used only by its exact identifier and token; a near miss leaves it usable. */
    @Test
    @Tag(EXTENDED)
    @Requires(VERIFICATION_TOKENS)
    default void use_verification_token_with_a_trailing_space_finds_nothing_and_keeps_the_token() {
        AuthAdapter adapter = context().adapter();
        VerificationToken token =
                adapter.createVerificationToken(context().fixtures().verificationToken());

        assertThat(adapter.useVerificationToken(token.identifier() + " ", token.token()))
                .as("useVerificationToken with a trailing space in the identifier")
                .isEmpty();
        assertThat(adapter.useVerificationToken(token.identifier(), token.token() + " "))
                .as("useVerificationToken with a trailing space in the token")
                .isEmpty();
        assertHolds(
                context().db().verificationToken(token.identifier(), token.token()), token, "the untouched token row");
        assertHolds(adapter.useVerificationToken(token.identifier(), token.token()), token, "use with the exact keys");
    }

    /** An account's provider and provider account id compare exactly in both account lookups. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void account_lookups_with_a_trailing_space_find_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount account = adapter.linkAccount(context().fixtures().account(user.id()));
        String provider = account.provider();
        String id = account.providerAccountId();

        assertThat(adapter.getAccount(id + " ", provider))
                .as("getAccount, id with a trailing space")
                .isEmpty();
        assertThat(adapter.getAccount(id, provider + " "))
                .as("getAccount, provider with a trailing space")
                .isEmpty();
        assertThat(adapter.getUserByAccount(provider, id + " "))
                .as("getUserByAccount, id with a trailing space")
                .isEmpty();
        assertThat(adapter.getUserByAccount(provider + " ", id))
                .as("getUserByAccount, provider with a trailing space")
                .isEmpty();
        assertHolds(adapter.getAccount(id, provider), account, "getAccount with the exact keys");
        assertHolds(adapter.getUserByAccount(provider, id), user, "getUserByAccount with the exact keys");
    }

    /** A credential id with a trailing space is another credential. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, AUTHENTICATORS})
    default void get_authenticator_with_a_trailing_space_finds_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAuthenticator authenticator =
                adapter.createAuthenticator(context().fixtures().authenticator(user.id()));

        String id = authenticator.credentialId();

        assertThat(adapter.getAuthenticator(id + " "))
                .as("getAuthenticator with a trailing space")
                .isEmpty();
        assertHolds(adapter.getAuthenticator(id), authenticator, "getAuthenticator with the id itself");
    }

    /** A delete by a key with a trailing space deletes nothing (Derby's {@code =} in a bulk DELETE pads). */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS, ACCOUNTS})
    default void deletes_with_a_trailing_space_delete_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterSession session = adapter.createSession(context().fixtures().session(user.id()));
        AdapterAccount account = adapter.linkAccount(context().fixtures().account(user.id()));

        adapter.deleteSession(session.sessionToken() + " ");
        adapter.unlinkAccount(account.provider(), account.providerAccountId() + " ");
        adapter.unlinkAccount(account.provider() + " ", account.providerAccountId());

        assertHolds(
                context().db().session(session.sessionToken()),
                session,
                "the session after deleteSession(token + \" \")");
        assertHolds(
                context().db().account(account.provider(), account.providerAccountId()),
                account,
                "the account after unlinkAccount with a trailing space");
        adapter.deleteSession(session.sessionToken());
        adapter.unlinkAccount(account.provider(), account.providerAccountId());
        assertThat(context().db().session(session.sessionToken()))
                .as("the session after deleteSession with the token itself")
                .isEmpty();
        assertThat(context().db().account(account.provider(), account.providerAccountId()))
                .as("the account after unlinkAccount with the exact keys")
                .isEmpty();
    }
}
