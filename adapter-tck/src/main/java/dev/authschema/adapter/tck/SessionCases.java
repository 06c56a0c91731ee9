package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static dev.authschema.adapter.tck.ModelAssertions.assertKeepsGiven;
import static dev.authschema.adapter.tck.ModelAssertions.assertSameModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Session role: database sessions created, read with their user, extended and deleted. */
public interface SessionCases extends ConformanceCases {

    /**
     * Auth.js {@code createSession}: the session is stored as given.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, SESSIONS})
    default void create_session_stores_the_session() {
        AdapterUser user = context().adapter().createUser(context().fixtures().user());
        AdapterSession given = context().fixtures().session(user.id());

        AdapterSession created = context().adapter().createSession(given);

        assertKeepsGiven(created, given);
        assertHolds(context().db().session(given.sessionToken()), created, "session row");
    }

    /**
     * Auth.js {@code getSessionAndUser}: exactly the session and its user, among others; empty for an unknown token.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, SESSIONS})
    default void get_session_and_user_returns_exactly_that_session_and_its_user() {
        AuthAdapter adapter = context().adapter();
        assertThat(adapter.getSessionAndUser(context().fixtures().unknownKey()))
                .as("unknown token")
                .isEmpty();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterUser otherUser = adapter.createUser(context().fixtures().user());
        AdapterSession session = adapter.createSession(context().fixtures().session(user.id()));
        adapter.createSession(context().fixtures().session(user.id()));
        adapter.createSession(context().fixtures().session(otherUser.id()));

        SessionAndUser found = adapter.getSessionAndUser(session.sessionToken())
                .orElseThrow(() -> new AssertionError("getSessionAndUser found nothing for a stored session"));

        assertSameModel(
                found.session(), context().db().session(session.sessionToken()).orElseThrow(), "session");
        assertSameModel(found.user(), context().db().user(user.id()).orElseThrow(), "user of the session");
    }

    /**
     * Auth.js {@code updateSession}: the new expiry is stored to the millisecond and nothing else changes.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, SESSIONS})
    default void update_session_changes_the_expiry_to_the_millisecond() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterSession session = adapter.createSession(context().fixtures().session(user.id()));
        Instant later = session.expires().plus(Duration.ofDays(1)).plusMillis(123);

        AdapterSession updated = adapter.updateSession(
                        SessionUpdate.of(session.sessionToken()).withExpires(later))
                .orElseThrow(() -> new AssertionError("updateSession found nothing for a stored session"));

        AdapterSession expected = new AdapterSession(session.sessionToken(), user.id(), later, session.extras());
        assertSameModel(updated, expected, "session returned by updateSession");
        assertHolds(context().db().session(session.sessionToken()), expected, "session row after updateSession");
    }

    /**
     * Updating an unknown session returns empty and creates nothing.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void update_session_of_an_unknown_token_returns_nothing() {
        SessionUpdate update = SessionUpdate.of(context().fixtures().unknownKey())
                .withExpires(context().fixtures().now());

        assertThat(context().adapter().updateSession(update)).isEmpty();
        assertThat(context().db().session(update.sessionToken()))
                .as("no session is created")
                .isEmpty();
    }

    /**
     * Auth.js {@code deleteSession}: the session is gone; the user's other sessions stay.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, SESSIONS})
    default void delete_session_removes_the_session() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterSession session = adapter.createSession(context().fixtures().session(user.id()));
        AdapterSession other = adapter.createSession(context().fixtures().session(user.id()));

        adapter.deleteSession(session.sessionToken());

        assertThat(context().db().session(session.sessionToken())).isEmpty();
        assertThat(adapter.getSessionAndUser(session.sessionToken())).isEmpty();
        assertHolds(context().db().session(other.sessionToken()), other, "the user's other session");
    }

    /**
     * Deleting a session twice, or one never stored, is not an error: users sign out twice.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void delete_session_of_a_missing_token_is_not_an_error() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterSession session = adapter.createSession(context().fixtures().session(user.id()));
        adapter.deleteSession(session.sessionToken());

        assertThatCode(() -> adapter.deleteSession(session.sessionToken()))
                .as("signing out twice")
                .doesNotThrowAnyException();
        assertThatCode(() -> adapter.deleteSession(context().fixtures().unknownKey()))
                .as("a token never stored")
                .doesNotThrowAnyException();
    }
}
