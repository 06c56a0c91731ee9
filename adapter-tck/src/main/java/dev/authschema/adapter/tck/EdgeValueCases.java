package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.SESSIONS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.AdapterCapability.VERIFICATION_TOKENS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static dev.authschema.adapter.tck.ModelAssertions.assertKeepsGiven;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Values at the edges of what a store keeps: non-ASCII text, oversized tokens, milliseconds. */
public interface EdgeValueCases extends ConformanceCases {

    /** Size of the oversized tokens: OpenID Connect ID tokens with many claims reach several kilobytes. */
    int LONG_TOKEN_LENGTH = 4096;

    /**
     * Names, e-mail addresses and image URLs outside ASCII (accents, CJK, Greek, emoji) come back unchanged.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void unicodeNamesAndEmailsRoundTrip() {
        AuthAdapter adapter = context().adapter();
        AdapterUser template = context().fixtures().user();
        AdapterUser given = new AdapterUser(template.id(), "Zoë Ångström 李小龍 🚀 Ωμέγα",
                "zoë." + UUID.randomUUID() + "@bücher.例え.jp", template.emailVerified(),
                "https://example.com/😀.png", template.extras());

        AdapterUser created = adapter.createUser(given);

        assertKeepsGiven(created, given);
        assertHolds(context().db().user(created.id()), created, "user row");
        assertHolds(adapter.getUser(created.id()), created, "getUser");
        assertHolds(adapter.getUserByEmail(given.email()), created, "getUserByEmail with a unicode address");
    }

    /**
     * Access, refresh and ID tokens of {@value #LONG_TOKEN_LENGTH} characters are stored whole.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void fourKilobyteTokensRoundTrip() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount template = context().fixtures().account(user.id());
        Fixtures fixtures = context().fixtures();
        AdapterAccount given = fixtures.storable(new AdapterAccount(user.id(), "oidc", template.provider(),
                template.providerAccountId(), fixtures.randomText(LONG_TOKEN_LENGTH),
                fixtures.randomText(LONG_TOKEN_LENGTH), template.expiresAt(), template.tokenType(), template.scope(),
                fixtures.randomText(LONG_TOKEN_LENGTH), template.sessionState(), template.extras()));

        AdapterAccount linked = adapter.linkAccount(given);

        assertKeepsGiven(linked, given);
        assertKeepsGiven(context().db().account(given.provider(), given.providerAccountId()).orElseThrow(), given);
        assertHolds(adapter.getAccount(given.providerAccountId(), given.provider()), linked, "getAccount");
    }

    /**
     * Every timestamp the adapter stores keeps its milliseconds.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void timestampsKeepMillisecondPrecision() {
        ConformanceContext context = context();
        AuthAdapter adapter = context.adapter();
        AdapterUser template = context.fixtures().user();
        AdapterUser user = adapter.createUser(new AdapterUser(template.id(), template.name(), template.email(),
                Instant.parse("2024-01-15T08:30:00.001Z"), template.image(), template.extras()));
        assertHolds(context.db().user(user.id()).map(AdapterUser::emailVerified),
                Instant.parse("2024-01-15T08:30:00.001Z"), "emailVerified");

        if (context.supports(SESSIONS)) {
            Instant expires = Instant.parse("2031-07-01T23:59:59.999Z");
            AdapterSession given = context.fixtures().session(user.id());
            AdapterSession session = adapter.createSession(
                    new AdapterSession(given.sessionToken(), user.id(), expires, given.extras()));
            assertHolds(context.db().session(session.sessionToken()).map(AdapterSession::expires), expires,
                    "session expires");
            assertHolds(adapter.getSessionAndUser(session.sessionToken()).map(found -> found.session().expires()),
                    expires, "session expires from getSessionAndUser");
        }
        if (context.supports(VERIFICATION_TOKENS)) {
            VerificationToken tokenTemplate = context.fixtures().verificationToken();
            Instant expires = Instant.parse("2030-03-03T03:03:03.500Z");
            VerificationToken token = adapter.createVerificationToken(
                    new VerificationToken(tokenTemplate.identifier(), tokenTemplate.token(), expires));
            assertHolds(context.db().verificationToken(token.identifier(), token.token())
                    .map(VerificationToken::expires), expires, "verification token expires");
            assertHolds(adapter.useVerificationToken(token.identifier(), token.token())
                    .map(VerificationToken::expires), expires, "verification token expires from useVerificationToken");
        }
    }
}
