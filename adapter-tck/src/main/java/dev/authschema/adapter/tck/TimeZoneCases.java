package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.AdapterCapability.VERIFICATION_TOKENS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Instants are the same instant whatever the JVM's default time zone, including those whose UTC wall-clock time does
 * not exist in that zone (a spring-forward gap) or exists twice (an autumn overlap). A store that passes a UTC
 * wall-clock time through the JVM's zone moves such instants by the size of the transition, typically an hour.
 *
 * <p>The cases use the transitions of America/Los_Angeles and Asia/Kolkata (1942 gap, 1945 overlap) and those of the
 * JVM's own zone, so they find the fault only in a JVM whose default zone has transitions: run the kit with
 * {@code -Duser.timezone=America/Los_Angeles} and {@code -Duser.timezone=Asia/Kolkata} as well as in UTC.
 */
public interface TimeZoneCases extends ConformanceCases {

    /** The zones whose transitions every run checks, besides the JVM's default zone. */
    List<ZoneId> ZONES_WITH_TRANSITIONS = List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kolkata"));

    /**
     * A user's {@code emailVerified} and DateTime extras keep instants whose UTC wall-clock time falls in a gap or an
     * overlap of a zone, read from the store and through {@code getUser}.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void user_instants_in_zone_transitions_round_trip() {
        AuthAdapter adapter = context().adapter();
        for (Map.Entry<String, Instant> entry : TimeZoneCases.transitionInstants(Instant.parse("1900-01-01T00:00:00Z"))
                .entrySet()) {
            Instant instant = entry.getValue();
            AdapterUser template = context().fixtures().user();
            Map<String, Object> extras = TimeZoneCases.withDateTimes(template.extras(), instant);
            AdapterUser created = adapter.createUser(new AdapterUser(
                    template.id(), template.name(), template.email(), instant, template.image(), extras));
            String what = "emailVerified at " + entry.getKey();
            assertThat(created.emailVerified()).as(what + " from createUser").isEqualTo(instant);
            assertHolds(
                    context().db().user(created.id()).map(AdapterUser::emailVerified), instant, what + " in the store");
            assertHolds(adapter.getUser(created.id()).map(AdapterUser::emailVerified), instant, what + " from getUser");
            AdapterUser read = adapter.getUser(created.id()).orElseThrow();
            extras.forEach((name, value) -> {
                if (value instanceof Instant) {
                    assertThat(read.extras().get(name))
                            .as("DateTime extra %s at %s", name, entry.getKey())
                            .isEqualTo(value);
                }
            });
        }
    }

    /**
     * Session and verification-token expiry times in the gaps and overlaps of coming years come back unchanged from
     * the store, {@code getSessionAndUser} and {@code useVerificationToken}.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, SESSIONS})
    default void session_expiry_in_zone_transitions_round_trips() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        for (Map.Entry<String, Instant> entry : TimeZoneCases.transitionInstants(
                        Instant.now().plus(Duration.ofDays(1)))
                .entrySet()) {
            Instant expires = entry.getValue();
            AdapterSession template = context().fixtures().session(user.id());
            Map<String, Object> extras = TimeZoneCases.withDateTimes(template.extras(), expires);
            AdapterSession created =
                    adapter.createSession(new AdapterSession(template.sessionToken(), user.id(), expires, extras));
            String what = "session expires at " + entry.getKey();
            assertThat(created.expires()).as(what + " from createSession").isEqualTo(expires);
            assertHolds(
                    context().db().session(created.sessionToken()).map(AdapterSession::expires),
                    expires,
                    what + " in the store");
            AdapterSession read = adapter.getSessionAndUser(created.sessionToken())
                    .orElseThrow()
                    .session();
            assertThat(read.expires()).as(what + " from getSessionAndUser").isEqualTo(expires);
            extras.forEach((name, value) -> {
                if (value instanceof Instant) {
                    assertThat(read.extras().get(name))
                            .as("DateTime extra %s at %s", name, entry.getKey())
                            .isEqualTo(value);
                }
            });
        }
    }

    /** Verification tokens keep expiry times in coming gaps and overlaps. */
    @Test
    @Tag(EXTENDED)
    @Requires(VERIFICATION_TOKENS)
    default void verification_token_expiry_in_zone_transitions_round_trips() {
        AuthAdapter adapter = context().adapter();
        for (Map.Entry<String, Instant> entry : TimeZoneCases.transitionInstants(
                        Instant.now().plus(Duration.ofDays(1)))
                .entrySet()) {
            Instant expires = entry.getValue();
            VerificationToken template = context().fixtures().verificationToken();
            VerificationToken created = adapter.createVerificationToken(
                    new VerificationToken(template.identifier(), template.token(), expires));
            String what = "verification token expires at " + entry.getKey();
            assertThat(created.expires())
                    .as(what + " from createVerificationToken")
                    .isEqualTo(expires);
            assertHolds(
                    context()
                            .db()
                            .verificationToken(created.identifier(), created.token())
                            .map(VerificationToken::expires),
                    expires,
                    what + " in the store");
            assertHolds(
                    adapter.useVerificationToken(created.identifier(), created.token())
                            .map(VerificationToken::expires),
                    expires,
                    what + " from useVerificationToken");
        }
    }

    /**
     * For the first gap and the first overlap after {@code from} of each zone (the listed ones and the JVM's), the
     * instant whose UTC wall-clock time lies half an hour into it, with milliseconds; keyed by a description.
     *
     * @param from where to start looking for transitions
     * @return descriptions such as {@code "2024-03-10T02:30:00.123Z (gap of America/Los_Angeles)"} and their instants
     */
    static Map<String, Instant> transitionInstants(Instant from) {
        Map<String, Instant> instants = new LinkedHashMap<>();
        List<ZoneId> zones = new ArrayList<>(ZONES_WITH_TRANSITIONS);
        zones.add(ZoneId.systemDefault());
        for (ZoneId zone : zones) {
            ZoneRules rules = zone.getRules();
            boolean gap = false;
            boolean overlap = false;
            ZoneOffsetTransition transition = rules.nextTransition(from);
            while (transition != null && !(gap && overlap)) {
                if (transition.isGap() ? !gap : !overlap) {
                    // 30 minutes into a gap or overlap of at least 30 minutes (Kolkata's and Los Angeles' are an hour)
                    Instant instant = (transition.isGap()
                                    ? transition.getDateTimeBefore()
                                    : transition.getDateTimeAfter())
                            .plusMinutes(
                                    Math.min(30, transition.getDuration().abs().toMinutes() / 2))
                            .plusNanos(123_000_000)
                            .toInstant(ZoneOffset.UTC);
                    instants.put(
                            instant + " (" + (transition.isGap() ? "gap" : "overlap") + " of " + zone.getId() + ")",
                            instant);
                    gap |= transition.isGap();
                    overlap |= transition.isOverlap();
                }
                transition = rules.nextTransition(transition.getInstant());
            }
        }
        return instants;
    }

    /**
     * @param extras  a model's extras
     * @param instant the instant to put in each of them that holds an instant
     * @return the extras with every DateTime extra set to {@code instant}
     */
    static Map<String, Object> withDateTimes(Map<String, Object> extras, Instant instant) {
        Map<String, Object> changed = new LinkedHashMap<>(extras);
        changed.replaceAll((name, value) -> value instanceof Instant ? instant : value);
        return changed;
    }
}
