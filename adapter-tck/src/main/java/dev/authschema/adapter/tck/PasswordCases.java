package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.PASSWORDS;
import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertSameModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The optional passwords ({@link AuthAdapter#getPasswordHash}, {@link AuthAdapter#setPasswordHash}): a hash per user,
 * stored as given and read back only by these two methods, never in a record. Not part of the Auth.js suite.
 */
public interface PasswordCases extends ConformanceCases {

    /** The start of a PHC string of Argon2id with the engine's parameters. */
    String ARGON2ID = "$argon2id$v=19$m=19456,t=2,p=1$";

    /** The longest hash the contract allows. */
    int LONGEST_HASH = 255;

    /** A hash shaped like the engine's: salt and digest in unpadded Base64. */
    private String hash() {
        Fixtures fixtures = context().fixtures();
        return ARGON2ID + fixtures.randomText(22) + "$" + fixtures.randomText(43);
    }

    private AdapterUser userWithHash(String hash) {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        adapter.setPasswordHash(user.id(), hash);
        return user;
    }

    /** What {@code setPasswordHash} stored, {@code getPasswordHash} returns; a second hash replaces the first. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void set_password_hash_stores_the_hash_and_a_second_one_replaces_it() {
        AuthAdapter adapter = context().adapter();
        String first = hash();
        AdapterUser user = userWithHash(first);

        assertThat(adapter.getPasswordHash(user.id()))
                .as("after the first hash")
                .contains(first);

        String second = hash();
        adapter.setPasswordHash(user.id(), second);

        assertThat(adapter.getPasswordHash(user.id()))
                .as("after the second hash")
                .contains(second);
    }

    /** A new user has no hash, and neither has an unknown id. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void a_user_without_a_password_has_no_hash() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        userWithHash(hash());

        assertThat(adapter.getPasswordHash(user.id())).as("a new user").isEmpty();
        assertThat(adapter.getPasswordHash(context().fixtures().unknownKey()))
                .as("an unknown id")
                .isEmpty();
    }

    /** {@code null} removes the password, and only that user's. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void a_null_hash_removes_the_password() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = userWithHash(hash());
        String othersHash = hash();
        AdapterUser other = userWithHash(othersHash);

        adapter.setPasswordHash(user.id(), null);

        assertThat(adapter.getPasswordHash(user.id()))
                .as("the user whose hash was removed")
                .isEmpty();
        assertThat(adapter.getPasswordHash(other.id())).as("another user").contains(othersHash);
    }

    /** An unknown user id is refused with {@link UnknownUserException}, and nothing is written. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void set_password_hash_for_an_unknown_user_throws_and_writes_nothing() {
        AuthAdapter adapter = context().adapter();
        String unknown = context().fixtures().unknownKey();
        String othersHash = hash();
        AdapterUser other = userWithHash(othersHash);

        assertThatThrownBy(() -> adapter.setPasswordHash(unknown, hash())).isInstanceOf(UnknownUserException.class);

        assertThat(adapter.getPasswordHash(unknown)).as("the unknown id").isEmpty();
        assertThat(adapter.getUser(unknown))
                .as("a user made up for the unknown id")
                .isEmpty();
        assertThat(adapter.getPasswordHash(other.id())).as("another user").contains(othersHash);
    }

    /**
     * The hash is in no record: not among the user's properties, not in an extra field. The user read back after the
     * hash was set is the user as it was before.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void no_user_record_carries_the_hash() {
        AuthAdapter adapter = context().adapter();
        AdapterUser created = adapter.createUser(context().fixtures().user());
        String hash = hash();

        adapter.setPasswordHash(created.id(), hash);

        AdapterUser byId = adapter.getUser(created.id()).orElseThrow();
        assertWithoutHash(byId, hash, "getUser");
        assertSameModel(byId, created, "getUser after setPasswordHash");
        assertWithoutHash(adapter.getUserByEmail(created.email()).orElseThrow(), hash, "getUserByEmail");
        assertWithoutHash(
                adapter.updateUser(UserUpdate.of(created.id()).withName("Renamed")), hash, "updateUser's result");
        context()
                .db()
                .user(created.id())
                .ifPresent(row -> assertWithoutHash(row, hash, "the user row as the database inspector reads it"));
    }

    /** Nor the user of a session or of an account. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS, SESSIONS})
    default void the_user_of_a_session_carries_no_hash() {
        AuthAdapter adapter = context().adapter();
        String hash = hash();
        AdapterUser user = userWithHash(hash);
        AdapterSession session = adapter.createSession(context().fixtures().session(user.id()));

        AdapterUser ofSession =
                adapter.getSessionAndUser(session.sessionToken()).orElseThrow().user();

        assertWithoutHash(ofSession, hash, "getSessionAndUser");
    }

    /** Nor the user found by an account. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS, ACCOUNTS})
    default void the_user_of_an_account_carries_no_hash() {
        AuthAdapter adapter = context().adapter();
        String hash = hash();
        AdapterUser user = userWithHash(hash);
        AdapterAccount account = adapter.linkAccount(context().fixtures().account(user.id()));

        AdapterUser ofAccount = adapter.getUserByAccount(account.provider(), account.providerAccountId())
                .orElseThrow();

        assertWithoutHash(ofAccount, hash, "getUserByAccount");
    }

    /** {@code updateUser} changes what it is asked to and keeps the hash, whatever it changes. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void update_user_keeps_the_hash() {
        AuthAdapter adapter = context().adapter();
        String hash = hash();
        AdapterUser user = userWithHash(hash);
        UserUpdate update = UserUpdate.of(user.id())
                .withName("Renamed")
                .withImage(null)
                .withEmailVerified(context().fixtures().now());
        for (ExtraField field : context().fixtures().extraFields().user()) {
            update = update.withExtra(field.name(), field.changed());
        }

        adapter.updateUser(update);

        assertThat(adapter.getPasswordHash(user.id())).as("after updateUser").contains(hash);
    }

    /** The hash goes with its user: a user created later with the same id has none. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void delete_user_deletes_the_hash() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = userWithHash(hash());

        adapter.deleteUser(user.id());

        assertThat(adapter.getPasswordHash(user.id())).as("after deleteUser").isEmpty();
        assertThatThrownBy(() -> adapter.setPasswordHash(user.id(), hash()))
                .as("setPasswordHash for the deleted user")
                .isInstanceOf(UnknownUserException.class);
        if (user.id() != null && context().fixtures().user().id() != null) {
            AdapterUser again = adapter.createUser(context().fixtures().user().withId(user.id()));
            assertThat(adapter.getPasswordHash(again.id()))
                    .as("a new user with the same id")
                    .isEmpty();
        }
    }

    /**
     * User ids compare exactly: an id with a trailing space is another id (a PAD SPACE database such as Derby takes
     * {@code 'a '} for {@code 'a'}), so it reads no hash and writes none.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void a_user_id_with_a_trailing_space_reads_and_writes_no_hash() {
        AuthAdapter adapter = context().adapter();
        String hash = hash();
        AdapterUser user = userWithHash(hash);
        String padded = user.id() + " ";

        assertThat(adapter.getPasswordHash(padded))
                .as("getPasswordHash with a trailing space")
                .isEmpty();
        assertThatThrownBy(() -> adapter.setPasswordHash(padded, hash()))
                .as("setPasswordHash with a trailing space")
                .isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> adapter.setPasswordHash(padded, null))
                .as("removing the hash with a trailing space")
                .isInstanceOf(UnknownUserException.class);

        assertThat(adapter.getPasswordHash(user.id())).as("the user's own hash").contains(hash);
    }

    /** A hash of the longest length the contract allows is stored whole. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, PASSWORDS})
    default void a_hash_of_255_characters_is_stored_whole() {
        AuthAdapter adapter = context().adapter();
        String longest = ARGON2ID + context().fixtures().randomText(LONGEST_HASH - ARGON2ID.length());
        AdapterUser user = userWithHash(longest);

        assertThat(adapter.getPasswordHash(user.id()))
                .as("the %d-character hash", LONGEST_HASH)
                .contains(longest);
    }

    private static void assertWithoutHash(AdapterUser user, String hash, String what) {
        assertThat(user.extras().values())
                .as("%s: extra fields holding the hash", what)
                .doesNotContain(hash);
        assertThat(user.extras().keySet()).as("%s: extra fields", what).doesNotContain("passwordHash", "password_hash");
        assertThat(user.toString()).as("%s: the record", what).doesNotContain(hash);
    }
}
