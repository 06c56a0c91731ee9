package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterException;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.DuplicateSessionTokenException;
import dev.authschema.adapter.InvalidValueException;
import dev.authschema.adapter.UnknownUserException;
import dev.authschema.adapter.UserUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Store failures: each is the typed {@link AdapterException} the SPI names, never the store's own exception (such as
 * {@code jakarta.persistence.PersistenceException} or {@code SQLException}), also for the losers of a race; the
 * message carries none of the values of the call (databases quote the refused row in theirs); and nothing is
 * changed.
 */
public interface StoreFailureCases extends ConformanceCases {

    /** Threads that link the same account at once. */
    int LINKING_CONTENDERS = 8;

    /**
     * {@code createUser} with an e-mail address another user has: {@link DuplicateEmailException}.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void create_user_with_a_taken_email_throws_duplicate_email() {
        AuthAdapter adapter = context().adapter();
        AdapterUser owner = adapter.createUser(context().fixtures().user());
        AdapterUser other = context().fixtures().user();
        AdapterUser copy = new AdapterUser(other.id(), other.name(), owner.email(), null, null, other.extras());

        assertRefused(() -> adapter.createUser(copy), DuplicateEmailException.class, owner.email(), copy.name());
        assertHolds(adapter.getUserByEmail(owner.email()), owner, "the address's owner, unchanged");
        if (copy.id() != null) {
            assertThat(context().db().user(copy.id())).as("the refused user").isEmpty();
        }
    }

    /**
     * {@code updateUser} to an e-mail address another user has: {@link DuplicateEmailException}, and the user keeps
     * the address it had.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void update_user_to_a_taken_email_throws_duplicate_email() {
        AuthAdapter adapter = context().adapter();
        AdapterUser owner = adapter.createUser(context().fixtures().user());
        AdapterUser other = adapter.createUser(context().fixtures().user());

        assertRefused(
                () -> adapter.updateUser(UserUpdate.of(other.id()).withEmail(owner.email())),
                DuplicateEmailException.class,
                owner.email(),
                other.id());
        assertHolds(context().db().user(other.id()), other, "the refused user, unchanged");
    }

    /**
     * {@code createSession} with a token another session has: {@link DuplicateSessionTokenException}, and the first
     * session stays its user's.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void create_session_with_a_taken_token_throws_duplicate_session_token() {
        AuthAdapter adapter = context().adapter();
        AdapterUser owner = adapter.createUser(context().fixtures().user());
        AdapterUser other = adapter.createUser(context().fixtures().user());
        AdapterSession first = adapter.createSession(context().fixtures().session(owner.id()));
        AdapterSession template = context().fixtures().session(other.id());
        AdapterSession copy =
                new AdapterSession(first.sessionToken(), other.id(), template.expires(), template.extras());

        assertRefused(() -> adapter.createSession(copy), DuplicateSessionTokenException.class, first.sessionToken());
        assertHolds(context().db().session(first.sessionToken()), first, "the first session, unchanged");
    }

    /**
     * {@code linkAccount} for a user id no user has (here: a user deleted a moment before): {@link
     * UnknownUserException}, and no account is stored.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void link_account_for_an_unknown_user_throws_unknown_user() {
        String gone = deletedUserId();
        AdapterAccount account = context().fixtures().account(gone);

        assertRefused(
                () -> context().adapter().linkAccount(account),
                UnknownUserException.class,
                account.providerAccountId(),
                gone);
        assertThat(context().db().account(account.provider(), account.providerAccountId()))
                .isEmpty();
    }

    /**
     * {@code createSession} for a user id no user has: {@link UnknownUserException}, and no session is stored.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void create_session_for_an_unknown_user_throws_unknown_user() {
        String gone = deletedUserId();
        AdapterSession session = context().fixtures().session(gone);

        assertRefused(
                () -> context().adapter().createSession(session),
                UnknownUserException.class,
                session.sessionToken(),
                gone);
        assertThat(context().db().session(session.sessionToken())).isEmpty();
    }

    /**
     * {@value #LINKING_CONTENDERS} threads link the same account at once (a user double-clicks, two tabs finish the
     * same sign-in): exactly one links it, every other gets {@link DuplicateAccountException}, and one row is stored.
     * A lost race is the same refusal as a sequential duplicate: the adapter translates the unique-key violation of
     * its insert, not only what a check before the insert finds.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void concurrent_links_of_one_account_have_one_winner_and_duplicate_account_for_the_others() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount account = context().fixtures().account(user.id());
        List<Object> outcomes;
        try (Race race = new Race(LINKING_CONTENDERS)) {
            outcomes = race.run(() -> {
                try {
                    return adapter.linkAccount(account);
                } catch (RuntimeException refused) {
                    return refused;
                }
            });
        }

        List<Object> linked = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof AdapterAccount) {
                linked.add(outcome);
            } else if (!(outcome instanceof DuplicateAccountException)) {
                others.add(outcome.toString());
            }
        }
        assertThat(others)
                .as("callers that got something other than the account or DuplicateAccountException")
                .isEmpty();
        assertThat(linked).as("callers that linked the account").hasSize(1);
        assertHolds(
                context().db().account(account.provider(), account.providerAccountId()),
                (AdapterAccount) linked.get(0),
                "the one account row");
        assertHolds(adapter.getUserByAccount(account.provider(), account.providerAccountId()), user, "its owner");
    }

    /**
     * A required extra field (one the store refuses {@code null} for, {@link ExtraField#required()}) set to
     * {@code null} on create: {@link InvalidValueException}, and nothing is stored. Skipped when the schema has no
     * required extra field on users, accounts or sessions.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void a_required_extra_field_set_to_null_throws_invalid_value() {
        ExtraFields fields = context().fixtures().extraFields();
        boolean accounts = context().supports(ACCOUNTS);
        boolean sessions = context().supports(SESSIONS);
        assumeTrue(
                required(fields.user()).isPresent()
                        || accounts && required(fields.account()).isPresent()
                        || sessions && required(fields.session()).isPresent(),
                "the schema has no required extra field");
        AuthAdapter adapter = context().adapter();
        AdapterUser owner = adapter.createUser(context().fixtures().user());

        Optional<ExtraField> onUser = required(fields.user());
        if (onUser.isPresent()) {
            AdapterUser given = context().fixtures().user();
            AdapterUser invalid = new AdapterUser(
                    given.id(),
                    given.name(),
                    given.email(),
                    given.emailVerified(),
                    given.image(),
                    withNull(given.extras(), onUser.get()));
            assertRefused(() -> adapter.createUser(invalid), InvalidValueException.class, given.email());
            assertThat(adapter.getUserByEmail(given.email()))
                    .as("the refused user")
                    .isEmpty();
            assertRefused(
                    () -> adapter.updateUser(
                            UserUpdate.of(owner.id()).withExtra(onUser.get().name(), null)),
                    InvalidValueException.class,
                    owner.id());
            assertHolds(context().db().user(owner.id()), owner, "the user whose update was refused, unchanged");
        }
        Optional<ExtraField> onAccount = accounts ? required(fields.account()) : Optional.empty();
        if (onAccount.isPresent()) {
            AdapterAccount given = context().fixtures().account(owner.id());
            AdapterAccount invalid = new AdapterAccount(
                    given.userId(),
                    given.type(),
                    given.provider(),
                    given.providerAccountId(),
                    given.refreshToken(),
                    given.accessToken(),
                    given.expiresAt(),
                    given.tokenType(),
                    given.scope(),
                    given.idToken(),
                    given.sessionState(),
                    withNull(given.extras(), onAccount.get()));
            assertRefused(() -> adapter.linkAccount(invalid), InvalidValueException.class, given.providerAccountId());
            assertThat(context().db().account(given.provider(), given.providerAccountId()))
                    .isEmpty();
        }
        Optional<ExtraField> onSession = sessions ? required(fields.session()) : Optional.empty();
        if (onSession.isPresent()) {
            AdapterSession given = context().fixtures().session(owner.id());
            AdapterSession invalid = new AdapterSession(
                    given.sessionToken(), given.userId(), given.expires(), withNull(given.extras(), onSession.get()));
            assertRefused(() -> adapter.createSession(invalid), InvalidValueException.class, given.sessionToken());
            assertThat(context().db().session(given.sessionToken())).isEmpty();
        }
    }

    /** The id of a user that existed and was deleted: unknown now, and of the shape the store's ids have. */
    private String deletedUserId() {
        AdapterUser user = context().adapter().createUser(context().fixtures().user());
        context().adapter().deleteUser(user.id());
        assumeFalse(context().db().user(user.id()).isPresent(), "deleteUser works (a case of its own)");
        return user.id();
    }

    private static Optional<ExtraField> required(List<ExtraField> fields) {
        return fields.stream().filter(ExtraField::required).findFirst();
    }

    private static Map<String, Object> withNull(Map<String, Object> extras, ExtraField field) {
        Map<String, Object> changed = new LinkedHashMap<>(extras);
        changed.put(field.name(), null);
        return changed;
    }

    /**
     * The call throws the typed exception, whose message contains none of the call's values.
     *
     * @param call    the refused call
     * @param type    the exception the SPI names
     * @param secrets values of the call (e-mail addresses, tokens, ids) that must not appear in the message
     */
    private static void assertRefused(
            ThrowingCallable call, Class<? extends AdapterException> type, String... secrets) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(refused -> {
            String message = String.valueOf(refused.getMessage());
            for (String secret : secrets) {
                if (secret != null) {
                    assertThat(message)
                            .as("the message of " + refused.getClass().getSimpleName())
                            .doesNotContain(secret);
                }
            }
        });
    }
}
