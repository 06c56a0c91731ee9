package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.AUTHENTICATORS;
import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static dev.authschema.adapter.tck.ModelAssertions.assertKeepsGiven;
import static dev.authschema.adapter.tck.ModelAssertions.assertSameModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The User role: create, read by id and e-mail, partial update, delete with everything that hangs off a user. */
public interface UserCases extends ConformanceCases {

    /**
     * Auth.js {@code createUser}: the returned user has an id, keeps what was given and equals the stored row.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(USERS)
    default void create_user_returns_the_stored_user() {
        AdapterUser given = context().fixtures().user();

        AdapterUser created = context().adapter().createUser(given);

        assertThat(created.id()).as("id of the created user").isNotBlank();
        assertKeepsGiven(created, given);
        assertHolds(context().db().user(created.id()), created, "user row");
    }

    /**
     * A user given without id gets a new, unique one.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void create_user_generates_an_id_when_none_is_given() {
        AuthAdapter adapter = context().adapter();

        AdapterUser first = adapter.createUser(context().fixtures().user().withId(null));
        AdapterUser second = adapter.createUser(context().fixtures().user().withId(null));

        assertThat(first.id()).isNotBlank();
        assertThat(second.id()).isNotBlank().isNotEqualTo(first.id());
        assertHolds(context().db().user(first.id()), first, "user row");
    }

    /**
     * Auth.js {@code getUser}: the stored user; empty for an unknown id.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(USERS)
    default void get_user_finds_the_user_and_nothing_for_an_unknown_id() {
        AuthAdapter adapter = context().adapter();
        assertThat(adapter.getUser(context().fixtures().unknownKey())).isEmpty();

        AdapterUser created = adapter.createUser(context().fixtures().user());

        assertHolds(adapter.getUser(created.id()), created, "getUser");
    }

    /**
     * Auth.js {@code getUserByEmail}: the stored user; empty for an unknown address.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(USERS)
    default void get_user_by_email_finds_the_user_and_nothing_for_an_unknown_address() {
        AuthAdapter adapter = context().adapter();
        assertThat(adapter.getUserByEmail(context().fixtures().unknownKey() + "@example.com"))
                .isEmpty();

        AdapterUser created = adapter.createUser(context().fixtures().user());

        assertHolds(adapter.getUserByEmail(created.email()), created, "getUserByEmail");
    }

    /**
     * Auth.js {@code updateUser}: the given property changes and every other one is kept.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(USERS)
    default void update_user_changes_only_the_given_properties() {
        AuthAdapter adapter = context().adapter();
        AdapterUser created = adapter.createUser(context().fixtures().user());

        AdapterUser updated = adapter.updateUser(UserUpdate.of(created.id()).withName("Renamed"));

        AdapterUser expected = new AdapterUser(
                created.id(), "Renamed", created.email(), created.emailVerified(), created.image(), created.extras());
        assertSameModel(updated, expected, "user returned by updateUser");
        assertHolds(context().db().user(created.id()), expected, "user row after updateUser");
    }

    /**
     * An update can set a property to null and another to a new value, keeping the rest.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void update_user_can_clear_a_property_and_keeps_the_others() {
        AuthAdapter adapter = context().adapter();
        AdapterUser created = adapter.createUser(context().fixtures().user());
        Instant verified = Instant.parse("2024-02-29T12:34:56.789Z");

        AdapterUser updated =
                adapter.updateUser(UserUpdate.of(created.id()).withImage(null).withEmailVerified(verified));

        AdapterUser expected =
                new AdapterUser(created.id(), created.name(), created.email(), verified, null, created.extras());
        assertSameModel(updated, expected, "user returned by updateUser");
        assertHolds(context().db().user(created.id()), expected, "user row after updateUser");
    }

    /**
     * Updating an unknown user fails with an {@link dev.authschema.adapter.UnknownUserException}.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void update_user_of_an_unknown_id_fails() {
        UserUpdate update = UserUpdate.of(context().fixtures().unknownKey()).withName("Nobody");

        assertThatThrownBy(() -> context().adapter().updateUser(update)).isInstanceOf(UnknownUserException.class);
    }

    /**
     * Auth.js {@code deleteUser}: the user goes, and so do their accounts, sessions and authenticators; other users
     * stay.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(USERS)
    default void delete_user_removes_the_user_with_accounts_sessions_and_authenticators() {
        ConformanceContext context = context();
        AuthAdapter adapter = context.adapter();
        AdapterUser user = adapter.createUser(context.fixtures().user());
        AdapterUser bystander = adapter.createUser(context.fixtures().user());
        AdapterAccount account = null;
        AdapterSession session = null;
        AdapterAuthenticator authenticator = null;
        if (context.supports(ACCOUNTS)) {
            account = adapter.linkAccount(context.fixtures().account(user.id()));
        }
        if (context.supports(SESSIONS)) {
            session = adapter.createSession(context.fixtures().session(user.id()));
        }
        if (context.supports(AUTHENTICATORS)) {
            authenticator = adapter.createAuthenticator(context.fixtures().authenticator(user.id()));
        }

        adapter.deleteUser(user.id());

        assertThat(context.db().user(user.id())).as("deleted user").isEmpty();
        assertThat(adapter.getUser(user.id())).as("getUser of the deleted user").isEmpty();
        assertHolds(context.db().user(bystander.id()), bystander, "another user");
        if (account != null) {
            assertThat(context.db().account(account.provider(), account.providerAccountId()))
                    .as("account of the deleted user")
                    .isEmpty();
        }
        if (session != null) {
            assertThat(context.db().session(session.sessionToken()))
                    .as("session of the deleted user")
                    .isEmpty();
        }
        if (authenticator != null) {
            assertThat(context.db().authenticator(authenticator.credentialId()))
                    .as("authenticator of the deleted user")
                    .isEmpty();
        }
    }

    /**
     * Deleting an unknown user is not an error.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void delete_user_of_an_unknown_id_does_nothing() {
        assertThatCode(() -> context().adapter().deleteUser(context().fixtures().unknownKey()))
                .doesNotThrowAnyException();
    }

    /**
     * E-mail is unique only when present: two users without one can be stored.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void two_users_without_email_can_exist() {
        assumeFalse(context().usersRequireEmail(), "the store requires an e-mail address for every user");
        AuthAdapter adapter = context().adapter();

        AdapterUser first = adapter.createUser(context().fixtures().userWithoutEmail());
        AdapterUser second = adapter.createUser(context().fixtures().userWithoutEmail());

        assertThat(first.email()).isNull();
        assertThat(second.email()).isNull();
        assertHolds(context().db().user(first.id()), first, "first user without e-mail");
        assertHolds(context().db().user(second.id()), second, "second user without e-mail");
    }
}
