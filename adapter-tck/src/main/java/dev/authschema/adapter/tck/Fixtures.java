package dev.authschema.adapter.tck;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.VerificationToken;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes the models the cases store: every one unique (so that cases never collide, even without a clean-up between
 * them), realistic (all optional properties filled) and carrying the schema's extra fields with their samples.
 */
public final class Fixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExtraFields extraFields;
    private final Supplier<String> userIds;
    private final Set<AccountProperty> unstoredAccountProperties;

    Fixtures(ExtraFields extraFields, Supplier<String> userIds) {
        this(extraFields, userIds, Set.of());
    }

    Fixtures(ExtraFields extraFields, Supplier<String> userIds, Set<AccountProperty> unstoredAccountProperties) {
        this.extraFields = extraFields;
        this.userIds = userIds;
        this.unstoredAccountProperties = Set.copyOf(unstoredAccountProperties);
    }

    /**
     * The account as a store without columns for some optional properties keeps it: those properties null.
     *
     * @param account an account the kit is about to link
     * @return the account with the properties the store does not keep set to null
     */
    public AdapterAccount storable(AdapterAccount account) {
        if (unstoredAccountProperties.isEmpty()) {
            return account;
        }
        // Component by component, so that a property added to the record and the table needs no change here.
        RecordComponent[] components = AdapterAccount.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Set<String> unstored = unstoredAccountProperties.stream()
                .map(p -> p.canonical().accessor().orElseThrow())
                .collect(Collectors.toSet());
        try {
            for (int i = 0; i < components.length; i++) {
                boolean dropped = unstored.contains(components[i].getName());
                values[i] = dropped ? null : components[i].getAccessor().invoke(account);
            }
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return AdapterAccount.class.getConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "Cannot copy " + AdapterAccount.class.getSimpleName() + " component by component", e);
        }
    }

    /**
     * @return a user with every property filled, a unique e-mail address and the User extras; its id comes from the
     *         kit's id hook and may be {@code null}
     */
    public AdapterUser user() {
        String unique = unique();
        return new AdapterUser(
                userIds.get(),
                "Test User " + unique,
                "user-" + unique + "@example.com",
                now().minus(Duration.ofDays(1)),
                "https://example.com/avatar/" + unique + ".png",
                userExtras());
    }

    /**
     * @return a user like {@link #user()} but with no e-mail address, as OAuth providers without e-mail create
     */
    public AdapterUser userWithoutEmail() {
        AdapterUser user = user();
        return new AdapterUser(user.id(), user.name(), null, null, user.image(), user.extras());
    }

    /**
     * @param userId the owning user
     * @return an OAuth account with all eleven properties filled and the Account extras
     */
    public AdapterAccount account(String userId) {
        return account(userId, "github");
    }

    /**
     * @param userId   the owning user
     * @param provider the provider id
     * @return an OAuth account of that provider with all eleven properties filled and the Account extras
     */
    public AdapterAccount account(String userId, String provider) {
        String unique = unique();
        return storable(new AdapterAccount(
                userId,
                "oauth",
                provider,
                "pa-" + unique,
                "refresh-" + unique,
                "access-" + unique,
                now().plus(Duration.ofHours(1)).getEpochSecond(),
                "bearer",
                "openid profile email",
                "eyJhbGciOiJSUzI1NiJ9." + unique,
                "state-" + unique,
                accountExtras()));
    }

    /**
     * @param userId the signed-in user
     * @return a session that expires in 30 days, with a random token and the Session extras
     */
    public AdapterSession session(String userId) {
        return new AdapterSession(randomHex(32), userId, now().plus(Duration.ofDays(30)), sessionExtras());
    }

    /**
     * @return a token for a unique identifier, hashed as the engine hashes tokens, expiring in 24 hours
     */
    public VerificationToken verificationToken() {
        return new VerificationToken(
                "sign-in-" + unique() + "@example.com",
                sha256Hex(randomHex(32) + "the-auth-secret"),
                now().plus(Duration.ofHours(24)));
    }

    /**
     * @param userId the owning user
     * @return a WebAuthn authenticator with a random credential id and key
     */
    public AdapterAuthenticator authenticator(String userId) {
        String credentialId = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        return new AdapterAuthenticator(
                credentialId,
                userId,
                credentialId,
                Base64.getEncoder().encodeToString(randomBytes(77)),
                1,
                "singleDevice",
                false,
                "usb,nfc");
    }

    /**
     * A passkey as Auth.js's WebAuthn provider stores it: synced to the cloud ({@code credentialBackedUp} true,
     * device type {@code multiDevice}), owned through an account of provider {@code webauthn} whose provider account id
     * is the credential id ({@link #webauthnAccount}).
     *
     * @param userId the owning user
     * @return a backed-up authenticator with a random credential id and key
     */
    public AdapterAuthenticator backedUpAuthenticator(String userId) {
        String credentialId = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        return new AdapterAuthenticator(
                credentialId,
                userId,
                credentialId,
                Base64.getEncoder().encodeToString(randomBytes(77)),
                0,
                "multiDevice",
                true,
                "internal,hybrid");
    }

    /**
     * @param authenticator an authenticator
     * @return the {@code webauthn} account it belongs to, without tokens, with the Account extras
     */
    public AdapterAccount webauthnAccount(AdapterAuthenticator authenticator) {
        return storable(new AdapterAccount(
                authenticator.userId(),
                "webauthn",
                "webauthn",
                authenticator.providerAccountId(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                accountExtras()));
    }

    /**
     * @return a key that no stored model has
     */
    public String unknownKey() {
        return "unknown-" + unique();
    }

    /**
     * @return now, truncated to milliseconds as the engine keeps it
     */
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * @return the User extras with their samples
     */
    public Map<String, Object> userExtras() {
        return ExtraFields.samples(extraFields.user());
    }

    /**
     * @return the Account extras with their samples
     */
    public Map<String, Object> accountExtras() {
        return ExtraFields.samples(extraFields.account());
    }

    /**
     * @return the Session extras with their samples
     */
    public Map<String, Object> sessionExtras() {
        return ExtraFields.samples(extraFields.session());
    }

    /**
     * @return the description of the schema's extra fields
     */
    public ExtraFields extraFields() {
        return extraFields;
    }

    /**
     * @param length the number of characters
     * @return a random string of that length, for oversized tokens
     */
    public String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48)));
        }
        return text.substring(0, length);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private static String randomHex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
