package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.AUTHENTICATORS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static dev.authschema.adapter.tck.ModelAssertions.assertSameModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Authenticator role: WebAuthn credentials. */
public interface AuthenticatorCases extends ConformanceCases {

    /**
     * Auth.js {@code createAuthenticator}: the authenticator is stored as given.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, AUTHENTICATORS})
    default void create_authenticator_stores_it() {
        AdapterUser user = context().adapter().createUser(context().fixtures().user());
        AdapterAuthenticator given = context().fixtures().authenticator(user.id());

        AdapterAuthenticator created = context().adapter().createAuthenticator(given);

        assertSameModel(created, given, "authenticator returned by createAuthenticator");
        assertHolds(context().db().authenticator(given.credentialId()), given, "authenticator row");
    }

    /**
     * Auth.js's WebAuthn fixture: a backed-up passkey ({@code credentialBackedUp} true) of a user with a linked
     * {@code webauthn} account keeps every property through create, get, list and a counter update; a store that
     * always writes {@code false} fails here.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, ACCOUNTS, AUTHENTICATORS})
    default void a_backed_up_authenticator_of_a_linked_webauthn_account_keeps_every_property() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAuthenticator given = context().fixtures().backedUpAuthenticator(user.id());
        AdapterAccount account = adapter.linkAccount(context().fixtures().webauthnAccount(given));

        AdapterAuthenticator created = adapter.createAuthenticator(given);

        assertSameModel(created, given, "backed-up authenticator returned by createAuthenticator");
        assertHolds(context().db().authenticator(given.credentialId()), given, "backed-up authenticator row");
        assertHolds(adapter.getAuthenticator(given.credentialId()), given, "getAuthenticator");
        assertThat(adapter.listAuthenticatorsByUserId(user.id())).containsExactly(given);
        assertHolds(adapter.getAccount(given.providerAccountId(), "webauthn"), account, "the webauthn account");
        AdapterAuthenticator counted = given.withCounter(given.counter() + 1);
        assertSameModel(
                adapter.updateAuthenticatorCounter(given.credentialId(), counted.counter()),
                counted,
                "backed-up authenticator after a counter update");
    }

    /**
     * Auth.js {@code getAuthenticator}: the stored authenticator; empty for an unknown credential id.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, AUTHENTICATORS})
    default void get_authenticator_finds_it_and_nothing_for_an_unknown_credential() {
        AuthAdapter adapter = context().adapter();
        assertThat(adapter.getAuthenticator(context().fixtures().unknownKey())).isEmpty();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAuthenticator authenticator =
                adapter.createAuthenticator(context().fixtures().authenticator(user.id()));

        assertHolds(adapter.getAuthenticator(authenticator.credentialId()), authenticator, "getAuthenticator");
    }

    /**
     * Auth.js {@code listAuthenticatorsByUserId}: exactly the user's authenticators; an empty list for none.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, AUTHENTICATORS})
    default void list_authenticators_by_user_id_returns_exactly_the_users_authenticators() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterUser otherUser = adapter.createUser(context().fixtures().user());
        AdapterUser userWithNone = adapter.createUser(context().fixtures().user());
        AdapterAuthenticator first =
                adapter.createAuthenticator(context().fixtures().authenticator(user.id()));
        AdapterAuthenticator second =
                adapter.createAuthenticator(context().fixtures().authenticator(user.id()));
        AdapterAuthenticator others =
                adapter.createAuthenticator(context().fixtures().authenticator(otherUser.id()));

        assertThat(adapter.listAuthenticatorsByUserId(user.id())).containsExactlyInAnyOrder(first, second);
        assertThat(adapter.listAuthenticatorsByUserId(otherUser.id())).containsExactly(others);
        assertThat(adapter.listAuthenticatorsByUserId(userWithNone.id()))
                .isNotNull()
                .isEmpty();
        assertThat(adapter.listAuthenticatorsByUserId(context().fixtures().unknownKey()))
                .isNotNull()
                .isEmpty();
    }

    /**
     * Auth.js {@code updateAuthenticatorCounter}: the counter changes and nothing else.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, AUTHENTICATORS})
    default void update_authenticator_counter_changes_only_the_counter() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAuthenticator authenticator =
                adapter.createAuthenticator(context().fixtures().authenticator(user.id()));
        long newCounter = authenticator.counter() + 1;

        AdapterAuthenticator updated = adapter.updateAuthenticatorCounter(authenticator.credentialId(), newCounter);

        AdapterAuthenticator expected = authenticator.withCounter(newCounter);
        assertSameModel(updated, expected, "authenticator returned by updateAuthenticatorCounter");
        assertHolds(context().db().authenticator(authenticator.credentialId()), expected, "authenticator row");
    }

    /**
     * Updating the counter of an unknown credential fails with an {@link dev.authschema.adapter.AdapterException}.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, AUTHENTICATORS})
    default void update_authenticator_counter_of_an_unknown_credential_fails() {
        String unknown = context().fixtures().unknownKey();

        assertThatThrownBy(() -> context().adapter().updateAuthenticatorCounter(unknown, 2))
                .isInstanceOf(AdapterException.class);
        assertThat(context().db().authenticator(unknown)).isEmpty();
    }
}
