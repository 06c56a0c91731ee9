package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHasExtras;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static dev.authschema.adapter.tck.ModelAssertions.assertSameModel;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UserUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Extra fields of every model come back, with their exact values and Java types, from every method that returns
 * the model, and partial updates can change them. Skipped for a model the subclass describes no extras for.
 */
public interface ExtraFieldCases extends ConformanceCases {

    /**
     * User extras come back from createUser, getUser, getUserByEmail, updateUser, getUserByAccount and
     * getSessionAndUser.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void user_extras_round_trip_through_every_method_that_returns_a_user() {
        ConformanceContext context = context();
        Map<String, Object> extras = context.fixtures().userExtras();
        assumeFalse(extras.isEmpty(), "the User model has no extra fields");
        AuthAdapter adapter = context.adapter();

        AdapterUser created = adapter.createUser(context.fixtures().user());

        assertHasExtras(created.extras(), extras, "createUser");
        assertHasExtras(adapter.getUser(created.id()).orElseThrow().extras(), extras, "getUser");
        assertHasExtras(adapter.getUserByEmail(created.email()).orElseThrow().extras(), extras, "getUserByEmail");
        assertHasExtras(context.db().user(created.id()).orElseThrow().extras(), extras, "user row");
        assertHasExtras(
                adapter.updateUser(UserUpdate.of(created.id()).withName("Renamed"))
                        .extras(),
                extras,
                "updateUser of another property");
        if (context.supports(ACCOUNTS)) {
            AdapterAccount account = adapter.linkAccount(context.fixtures().account(created.id()));
            assertHasExtras(
                    adapter.getUserByAccount(account.provider(), account.providerAccountId())
                            .orElseThrow()
                            .extras(),
                    extras,
                    "getUserByAccount");
        }
        if (context.supports(SESSIONS)) {
            AdapterSession session = adapter.createSession(context.fixtures().session(created.id()));
            assertHasExtras(
                    adapter.getSessionAndUser(session.sessionToken())
                            .orElseThrow()
                            .user()
                            .extras(),
                    extras,
                    "getSessionAndUser");
        }
    }

    /**
     * An update of only extra fields changes them and keeps the canonical properties.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void update_user_changes_extras_and_keeps_the_canonical_properties() {
        List<ExtraField> fields = context().fixtures().extraFields().user();
        assumeFalse(fields.isEmpty(), "the User model has no extra fields");
        AuthAdapter adapter = context().adapter();
        AdapterUser created = adapter.createUser(context().fixtures().user());
        UserUpdate update = UserUpdate.of(created.id());
        for (ExtraField field : fields) {
            update = update.withExtra(field.name(), field.changed());
        }

        AdapterUser updated = adapter.updateUser(update);

        AdapterUser expected = update.applyTo(created);
        assertSameModel(updated, expected, "user returned by updateUser");
        assertHolds(context().db().user(created.id()), expected, "user row after updateUser");
    }

    /**
     * Account extras come back from linkAccount and getAccount.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void account_extras_round_trip_through_every_method_that_returns_an_account() {
        Map<String, Object> extras = context().fixtures().accountExtras();
        assumeFalse(extras.isEmpty(), "the Account model has no extra fields");
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());

        AdapterAccount linked = adapter.linkAccount(context().fixtures().account(user.id()));

        assertHasExtras(linked.extras(), extras, "linkAccount");
        assertHasExtras(
                adapter.getAccount(linked.providerAccountId(), linked.provider())
                        .orElseThrow()
                        .extras(),
                extras,
                "getAccount");
        assertHasExtras(
                context()
                        .db()
                        .account(linked.provider(), linked.providerAccountId())
                        .orElseThrow()
                        .extras(),
                extras,
                "account row");
    }

    /**
     * Session extras come back from createSession, getSessionAndUser and updateSession.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void session_extras_round_trip_through_every_method_that_returns_a_session() {
        Map<String, Object> extras = context().fixtures().sessionExtras();
        assumeFalse(extras.isEmpty(), "the Session model has no extra fields");
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());

        AdapterSession created = adapter.createSession(context().fixtures().session(user.id()));

        assertHasExtras(created.extras(), extras, "createSession");
        assertHasExtras(
                adapter.getSessionAndUser(created.sessionToken())
                        .orElseThrow()
                        .session()
                        .extras(),
                extras,
                "getSessionAndUser");
        SessionUpdate extend = SessionUpdate.of(created.sessionToken())
                .withExpires(created.expires().plus(Duration.ofHours(1)));
        assertHasExtras(adapter.updateSession(extend).orElseThrow().extras(), extras, "updateSession of the expiry");
        assertHasExtras(
                context().db().session(created.sessionToken()).orElseThrow().extras(), extras, "session row");
    }

    /**
     * An update of only extra fields changes them and keeps the canonical properties.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void update_session_changes_extras_and_keeps_the_canonical_properties() {
        List<ExtraField> fields = context().fixtures().extraFields().session();
        assumeFalse(fields.isEmpty(), "the Session model has no extra fields");
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterSession created = adapter.createSession(context().fixtures().session(user.id()));
        SessionUpdate update = SessionUpdate.of(created.sessionToken());
        for (ExtraField field : fields) {
            update = update.withExtra(field.name(), field.changed());
        }

        AdapterSession updated = adapter.updateSession(update).orElseThrow();

        AdapterSession expected = update.applyTo(created);
        assertSameModel(updated, expected, "session returned by updateSession");
        assertHolds(context().db().session(created.sessionToken()), expected, "session row after updateSession");
    }
}
