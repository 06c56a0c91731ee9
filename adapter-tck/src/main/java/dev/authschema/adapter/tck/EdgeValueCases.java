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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Values at the edges of what a store keeps: non-ASCII text, oversized tokens and texts, the longest e-mail addresses, milliseconds. */
public interface EdgeValueCases extends ConformanceCases {

    /** Size of the oversized tokens: OpenID Connect ID tokens with many claims reach several kilobytes. */
    int LONG_TOKEN_LENGTH = 4096;

    /**
     * Names, e-mail addresses and image URLs outside ASCII (accents, CJK, Greek, emoji) come back unchanged.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void unicode_names_and_emails_round_trip() {
        AuthAdapter adapter = context().adapter();
        AdapterUser template = context().fixtures().user();
        AdapterUser given = new AdapterUser(
                template.id(),
                "Zoë Ångström 李小龍 🚀 Ωμέγα",
                "zoë." + UUID.randomUUID() + "@bücher.例え.jp",
                template.emailVerified(),
                "https://example.com/😀.png",
                template.extras());

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
    default void four_kilobyte_tokens_round_trip() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount template = context().fixtures().account(user.id());
        Fixtures fixtures = context().fixtures();
        AdapterAccount given = fixtures.storable(new AdapterAccount(
                user.id(),
                "oidc",
                template.provider(),
                template.providerAccountId(),
                fixtures.randomText(LONG_TOKEN_LENGTH),
                fixtures.randomText(LONG_TOKEN_LENGTH),
                template.expiresAt(),
                template.tokenType(),
                template.scope(),
                fixtures.randomText(LONG_TOKEN_LENGTH),
                template.sessionState(),
                template.extras()));

        AdapterAccount linked = adapter.linkAccount(given);

        assertKeepsGiven(linked, given);
        assertKeepsGiven(
                context()
                        .db()
                        .account(given.provider(), given.providerAccountId())
                        .orElseThrow(),
                given);
        assertHolds(adapter.getAccount(given.providerAccountId(), given.provider()), linked, "getAccount");
    }

    /** Length of the longest e-mail address SMTP carries (RFC 5321: a 256-octet path less its angle brackets). */
    int LONGEST_EMAIL_LENGTH = 254;

    /** Length of the long User-Agent-like text the kit stores in every plain string extra: in-app browsers send 400+. */
    int LONG_TEXT_LENGTH = 1024;

    /**
     * A {@value #LONGEST_EMAIL_LENGTH}-character e-mail address is stored whole, found by {@code getUserByEmail},
     * and works as a verification token's identifier.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void longest_email_addresses_round_trip() {
        AuthAdapter adapter = context().adapter();
        AdapterUser template = context().fixtures().user();
        String email = EdgeValueCases.longestEmail(template.email());
        AdapterUser given = new AdapterUser(
                template.id(), template.name(), email, template.emailVerified(), template.image(), template.extras());

        AdapterUser created = adapter.createUser(given);

        assertKeepsGiven(created, given);
        assertHolds(context().db().user(created.id()).map(AdapterUser::email), email, "the stored e-mail address");
        assertHolds(
                adapter.getUserByEmail(email),
                created,
                "getUserByEmail with a " + LONGEST_EMAIL_LENGTH + "-character address");
        if (context().supports(VERIFICATION_TOKENS)) {
            VerificationToken token = context().fixtures().verificationToken();
            VerificationToken stored =
                    adapter.createVerificationToken(new VerificationToken(email, token.token(), token.expires()));
            assertHolds(
                    context().db().verificationToken(email, token.token()).map(VerificationToken::identifier),
                    email,
                    "the stored identifier");
            assertHolds(
                    adapter.useVerificationToken(email, token.token()),
                    stored,
                    "useVerificationToken with a long identifier");
        }
    }

    /**
     * Every plain string extra of the user, account and session (a session's User-Agent, say) keeps a
     * {@value #LONG_TEXT_LENGTH}-character value. Extras with values of their own ({@link ExtraField#withValues}),
     * such as columns of a bounded size, are left as they are.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void kilobyte_string_extras_round_trip() {
        ConformanceContext context = context();
        AuthAdapter adapter = context.adapter();
        Fixtures fixtures = context.fixtures();
        String text = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
                + fixtures.randomText(LONG_TEXT_LENGTH);
        String longText = text.substring(0, LONG_TEXT_LENGTH);
        AdapterUser template = fixtures.user();
        Map<String, Object> userExtras =
                EdgeValueCases.withText(fixtures.extraFields().user(), template.extras(), longText);
        AdapterUser user = adapter.createUser(new AdapterUser(
                template.id(),
                template.name(),
                template.email(),
                template.emailVerified(),
                template.image(),
                userExtras));
        ModelAssertions.assertHasExtras(
                adapter.getUser(user.id()).orElseThrow().extras(), userExtras, "user extras from getUser");

        if (context.supports(ACCOUNTS)) {
            AdapterAccount account = fixtures.account(user.id());
            Map<String, Object> extras =
                    EdgeValueCases.withText(fixtures.extraFields().account(), account.extras(), longText);
            AdapterAccount given = new AdapterAccount(
                    account.userId(),
                    account.type(),
                    account.provider(),
                    account.providerAccountId(),
                    account.refreshToken(),
                    account.accessToken(),
                    account.expiresAt(),
                    account.tokenType(),
                    account.scope(),
                    account.idToken(),
                    account.sessionState(),
                    extras);
            adapter.linkAccount(given);
            ModelAssertions.assertHasExtras(
                    adapter.getAccount(given.providerAccountId(), given.provider())
                            .orElseThrow()
                            .extras(),
                    extras,
                    "account extras from getAccount");
        }
        if (context.supports(SESSIONS)) {
            AdapterSession session = fixtures.session(user.id());
            Map<String, Object> extras =
                    EdgeValueCases.withText(fixtures.extraFields().session(), session.extras(), longText);
            adapter.createSession(new AdapterSession(session.sessionToken(), user.id(), session.expires(), extras));
            ModelAssertions.assertHasExtras(
                    adapter.getSessionAndUser(session.sessionToken())
                            .orElseThrow()
                            .session()
                            .extras(),
                    extras,
                    "session extras from getSessionAndUser");
        }
    }

    /**
     * @param unique an e-mail address that no stored user has
     * @return an address of {@value #LONGEST_EMAIL_LENGTH} characters that starts with it: a 64-character local part
     *         (the most RFC 5321 allows) and labels of up to 63 characters
     */
    static String longestEmail(String unique) {
        String local = (unique.substring(0, unique.indexOf('@')).replace(".", "") + "x".repeat(64)).substring(0, 64);
        StringBuilder domain = new StringBuilder("example.com");
        while (local.length() + 1 + domain.length() < LONGEST_EMAIL_LENGTH) {
            int label = Math.min(63, LONGEST_EMAIL_LENGTH - local.length() - 1 - domain.length() - 1);
            domain.insert(0, "d".repeat(label) + ".");
        }
        return local + "@" + domain;
    }

    /**
     * @param fields the model's extra fields
     * @param extras the model's extras
     * @param text   the text to store
     * @return the extras with every plain string extra ({@link ExtraField#of} with {@link ScalarType#STRING}) set to text
     */
    static Map<String, Object> withText(List<ExtraField> fields, Map<String, Object> extras, String text) {
        Map<String, Object> changed = new LinkedHashMap<>(extras);
        for (ExtraField field : fields) {
            if (field.sample().equals(ScalarType.STRING.sample())
                    && field.changed().equals(ScalarType.STRING.changed())) {
                changed.put(field.name(), text);
            }
        }
        return changed;
    }

    /**
     * Every timestamp the adapter stores keeps its milliseconds.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(USERS)
    default void timestamps_keep_millisecond_precision() {
        ConformanceContext context = context();
        AuthAdapter adapter = context.adapter();
        AdapterUser template = context.fixtures().user();
        AdapterUser user = adapter.createUser(new AdapterUser(
                template.id(),
                template.name(),
                template.email(),
                Instant.parse("2024-01-15T08:30:00.001Z"),
                template.image(),
                template.extras()));
        assertHolds(
                context.db().user(user.id()).map(AdapterUser::emailVerified),
                Instant.parse("2024-01-15T08:30:00.001Z"),
                "emailVerified");

        if (context.supports(SESSIONS)) {
            Instant expires = Instant.parse("2031-07-01T23:59:59.999Z");
            AdapterSession given = context.fixtures().session(user.id());
            AdapterSession session =
                    adapter.createSession(new AdapterSession(given.sessionToken(), user.id(), expires, given.extras()));
            assertHolds(
                    context.db().session(session.sessionToken()).map(AdapterSession::expires),
                    expires,
                    "session expires");
            assertHolds(
                    adapter.getSessionAndUser(session.sessionToken())
                            .map(found -> found.session().expires()),
                    expires,
                    "session expires from getSessionAndUser");
        }
        if (context.supports(VERIFICATION_TOKENS)) {
            VerificationToken tokenTemplate = context.fixtures().verificationToken();
            Instant expires = Instant.parse("2030-03-03T03:03:03.500Z");
            VerificationToken token = adapter.createVerificationToken(
                    new VerificationToken(tokenTemplate.identifier(), tokenTemplate.token(), expires));
            assertHolds(
                    context.db()
                            .verificationToken(token.identifier(), token.token())
                            .map(VerificationToken::expires),
                    expires,
                    "verification token expires");
            assertHolds(
                    adapter.useVerificationToken(token.identifier(), token.token())
                            .map(VerificationToken::expires),
                    expires,
                    "verification token expires from useVerificationToken");
        }
    }
}
