package dev.authschema.adapter.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Model comparisons that report which property differs and show its values (the records' own {@code toString}
 * masks tokens, which would make a failure unreadable).
 */
public final class ModelAssertions {

    /** Stands for an extra field the model lacks, so that the failure message says so. */
    private static final String MISSING = "<field missing>";

    /** Extra fields the store sets itself (an {@code @updatedAt} timestamp), left out of comparisons by the running case. */
    private static final ThreadLocal<Set<String>> STORE_MANAGED = ThreadLocal.withInitial(Set::of);

    private ModelAssertions() {}

    /**
     * Leaves these extra fields out of every comparison on this thread: the store changes them on its own.
     *
     * @param extraFieldNames the names of the extra fields the store manages
     */
    static void ignoreStoreManagedExtras(Set<String> extraFieldNames) {
        STORE_MANAGED.set(Set.copyOf(extraFieldNames));
    }

    /**
     * Every property equal, extras included; decimals compare numerically and arrays by content.
     *
     * @param actual   what the adapter or database returned
     * @param expected what it should equal
     * @param what     names the comparison in the failure message
     */
    public static void assertSameModel(Object actual, Object expected, String what) {
        String[] managed =
                STORE_MANAGED.get().stream().map(name -> "extras." + name).toArray(String[]::new);
        assertThat(actual)
                .as(what)
                .usingRecursiveComparison()
                .ignoringFields(managed)
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    /**
     * Present and equal as in {@link #assertSameModel}.
     *
     * @param actual   what the adapter or database returned
     * @param expected what it should hold
     * @param what     names the comparison in the failure message
     * @param <T>      the model type
     */
    public static <T> void assertHolds(Optional<T> actual, T expected, String what) {
        assertThat(actual).as(what + " is present").isPresent();
        assertSameModel(actual.orElseThrow(), expected, what);
    }

    /**
     * The stored user keeps every property it was given: the canonical ones, the id when one was given, and the
     * given extras (the stored one may have more, such as database defaults of undescribed fields).
     *
     * @param stored the user as stored
     * @param given  the user handed to the adapter
     */
    public static void assertKeepsGiven(AdapterUser stored, AdapterUser given) {
        AdapterUser expected = new AdapterUser(
                given.id() == null ? stored.id() : given.id(),
                given.name(),
                given.email(),
                given.emailVerified(),
                given.image(),
                expectedExtras(stored.extras(), given.extras()));
        assertSameModel(stored, expected, "stored user compared with the given one");
    }

    /**
     * The stored account keeps every property it was given (see {@link #assertKeepsGiven(AdapterUser, AdapterUser)}).
     *
     * @param stored the account as stored
     * @param given  the account handed to the adapter
     */
    public static void assertKeepsGiven(AdapterAccount stored, AdapterAccount given) {
        AdapterAccount expected = new AdapterAccount(
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
                expectedExtras(stored.extras(), given.extras()));
        assertSameModel(stored, expected, "stored account compared with the given one");
    }

    /**
     * The stored session keeps every property it was given (see {@link #assertKeepsGiven(AdapterUser, AdapterUser)}).
     *
     * @param stored the session as stored
     * @param given  the session handed to the adapter
     */
    public static void assertKeepsGiven(AdapterSession stored, AdapterSession given) {
        AdapterSession expected = new AdapterSession(
                given.sessionToken(), given.userId(), given.expires(), expectedExtras(stored.extras(), given.extras()));
        assertSameModel(stored, expected, "stored session compared with the given one");
    }

    /**
     * The model's extras hold every expected value (and may hold more fields the subclass did not describe).
     *
     * @param actual   the extras the adapter or database returned
     * @param expected the values they must hold
     * @param what     names the comparison in the failure message
     */
    public static void assertHasExtras(Map<String, Object> actual, Map<String, Object> expected, String what) {
        Map<String, Object> described = new LinkedHashMap<>();
        expected.keySet().forEach(name -> described.put(name, actual.containsKey(name) ? actual.get(name) : MISSING));
        assertSameModel(described, expected, what);
    }

    /**
     * What the stored extras should be: the given values, plus whatever else the store added (database defaults of
     * fields the subclass did not describe). A given field that is missing or different then shows as a difference.
     */
    private static Map<String, Object> expectedExtras(Map<String, Object> stored, Map<String, Object> given) {
        Map<String, Object> expected = new LinkedHashMap<>(stored);
        expected.putAll(given);
        return expected;
    }
}
