package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UnknownAccountException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code updateAccount}: storing a provider's new tokens on a linked account, with the row lock that makes concurrent
 * updates (token refreshes on several servers) run one after the other.
 */
public interface AccountUpdateCases extends ConformanceCases {

    /** Threads that update one account at once. */
    int UPDATERS = 8;

    /**
     * The change gets the account as stored, and what it returns is stored and returned: new tokens, the same user.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void update_account_stores_what_the_change_returns_and_keeps_the_owner() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount linked = adapter.linkAccount(context().fixtures().account(user.id()));
        AtomicReference<AdapterAccount> seen = new AtomicReference<>();

        AdapterAccount updated = adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> {
            seen.set(stored);
            return refreshed(stored, "second");
        });

        assertThat(seen.get()).as("the account the change got").isEqualTo(linked);
        AdapterAccount expected = context().fixtures().storable(refreshed(linked, "second"));
        assertTokens(updated, expected, "returned account");
        assertHolds(
                context().db().account(linked.provider(), linked.providerAccountId()), updated, "the stored account");
        assertHolds(adapter.getUserByAccount(linked.provider(), linked.providerAccountId()), user, "the owner");
    }

    /** The one-argument form replaces the tokens with the given account's. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void update_account_with_an_account_replaces_the_stored_tokens() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount linked = adapter.linkAccount(context().fixtures().account(user.id()));
        AdapterAccount given = context().fixtures().storable(refreshed(linked, "replaced"));

        AdapterAccount updated = adapter.updateAccount(given);

        assertTokens(updated, given, "returned account");
        assertTokens(
                context()
                        .db()
                        .account(linked.provider(), linked.providerAccountId())
                        .orElseThrow(),
                given,
                "stored account");
    }

    /** An unknown account is refused with {@link UnknownAccountException}, before the change is asked. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void update_account_of_an_unknown_account_throws_unknown_account_without_calling_the_change() {
        String unknown = context().fixtures().unknownKey();
        AtomicBoolean called = new AtomicBoolean();

        assertThatThrownBy(() -> context().adapter().updateAccount("github", unknown, stored -> {
                    called.set(true);
                    return stored;
                }))
                .isInstanceOf(UnknownAccountException.class)
                .hasMessageNotContaining(unknown);

        assertThat(called).as("change called").isFalse();
        assertThat(context().db().account("github", unknown)).isEmpty();
    }

    /** A change that moves the account to another user or type is refused and nothing is written. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void update_account_that_changes_the_user_or_the_type_is_refused_and_changes_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser owner = adapter.createUser(context().fixtures().user());
        AdapterUser other = adapter.createUser(context().fixtures().user());
        AdapterAccount linked = adapter.linkAccount(context().fixtures().account(owner.id()));
        AdapterAccount moved = withIdentity(refreshed(linked, "moved"), other.id(), linked.type());
        AdapterAccount retyped = withIdentity(refreshed(linked, "retyped"), owner.id(), "oidc");

        assertThatThrownBy(() -> adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> moved))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> retyped))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> null))
                .isInstanceOf(IllegalArgumentException.class);

        assertHolds(
                context().db().account(linked.provider(), linked.providerAccountId()),
                linked,
                "the account, unchanged");
        assertHolds(adapter.getUserByAccount(linked.provider(), linked.providerAccountId()), owner, "the owner");
    }

    /** A change that throws reaches the caller as it was thrown, and the account stays as it was. */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void update_account_whose_change_throws_passes_the_exception_on_and_changes_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount linked = adapter.linkAccount(context().fixtures().account(user.id()));
        IllegalStateException refused = new IllegalStateException("the provider refused the refresh");

        assertThatThrownBy(() -> adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> {
                    throw refused;
                }))
                .isSameAs(refused);

        assertHolds(
                context().db().account(linked.provider(), linked.providerAccountId()),
                linked,
                "the account, unchanged");
    }

    /**
     * While one update's change runs, a second update of the account waits for it and then sees its result: the
     * lock is held from the read to the write.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void a_second_update_waits_for_the_first_and_sees_its_result() throws Exception {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount linked = adapter.linkAccount(context().fixtures().account(user.id()));
        assumeTrue(linked.accessToken() != null, "the store keeps access tokens");
        CountDownLatch firstInside = new CountDownLatch(1);
        AtomicReference<AdapterAccount> secondSaw = new AtomicReference<>();

        CompletableFuture<AdapterAccount> first = CompletableFuture.supplyAsync(
                () -> adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> {
                    firstInside.countDown();
                    pause(1_000); // long enough for the second call to reach the lock
                    return refreshed(stored, "first");
                }));
        assertThat(firstInside.await(60, TimeUnit.SECONDS))
                .as("first change started")
                .isTrue();
        AdapterAccount second = adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> {
            secondSaw.set(stored);
            return refreshed(stored, "second");
        });

        first.get(60, TimeUnit.SECONDS);
        assertThat(secondSaw.get().accessToken())
                .as("access token the second change saw")
                .isEqualTo(refreshed(linked, "first").accessToken());
        assertThat(second.accessToken()).isEqualTo(refreshed(linked, "second").accessToken());
        assertHolds(
                context().db().account(linked.provider(), linked.providerAccountId()), second, "the stored account");
    }

    /**
     * {@value #UPDATERS} threads each add one to a counter kept in the access token at the same moment: no update
     * is lost, and each saw a different count.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void concurrent_updates_of_one_account_lose_no_change() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount template = context().fixtures().account(user.id());
        assumeTrue(template.accessToken() != null, "the store keeps access tokens");
        AdapterAccount linked = adapter.linkAccount(withAccessToken(template, "0"));

        List<String> seen;
        try (Race race = new Race(UPDATERS)) {
            seen = race.run(() -> {
                AtomicReference<String> count = new AtomicReference<>();
                adapter.updateAccount(linked.provider(), linked.providerAccountId(), stored -> {
                    count.set(stored.accessToken());
                    return withAccessToken(stored, Integer.toString(Integer.parseInt(stored.accessToken()) + 1));
                });
                return count.get();
            });
        }

        assertThat(seen).as("counts the changes saw").doesNotHaveDuplicates().hasSize(UPDATERS);
        assertThat(context()
                        .db()
                        .account(linked.provider(), linked.providerAccountId())
                        .orElseThrow()
                        .accessToken())
                .as("count after %d concurrent updates", UPDATERS)
                .isEqualTo(Integer.toString(UPDATERS));
    }

    private static AdapterAccount refreshed(AdapterAccount account, String label) {
        return new AdapterAccount(
                account.userId(),
                account.type(),
                account.provider(),
                account.providerAccountId(),
                account.refreshToken() == null ? null : "refresh-" + label + "-" + account.providerAccountId(),
                account.accessToken() == null ? null : "access-" + label + "-" + account.providerAccountId(),
                account.expiresAt() == null ? null : account.expiresAt() + 3600,
                account.tokenType(),
                account.scope() == null ? null : "openid " + label,
                account.idToken() == null ? null : "eyJ." + label,
                account.sessionState() == null ? null : "state-" + label,
                account.extras());
    }

    private static AdapterAccount withAccessToken(AdapterAccount account, String accessToken) {
        return new AdapterAccount(
                account.userId(),
                account.type(),
                account.provider(),
                account.providerAccountId(),
                account.refreshToken(),
                accessToken,
                account.expiresAt(),
                account.tokenType(),
                account.scope(),
                account.idToken(),
                account.sessionState(),
                account.extras());
    }

    private static AdapterAccount withIdentity(AdapterAccount account, String userId, String type) {
        return new AdapterAccount(
                userId,
                type,
                account.provider(),
                account.providerAccountId(),
                account.refreshToken(),
                account.accessToken(),
                account.expiresAt(),
                account.tokenType(),
                account.scope(),
                account.idToken(),
                account.sessionState(),
                account.extras());
    }

    private static void assertTokens(AdapterAccount actual, AdapterAccount expected, String what) {
        assertThat(actual)
                .as(what)
                .usingRecursiveComparison()
                .comparingOnlyFields(
                        "userId",
                        "type",
                        "provider",
                        "providerAccountId",
                        "refreshToken",
                        "accessToken",
                        "expiresAt",
                        "tokenType",
                        "scope",
                        "idToken",
                        "sessionState")
                .isEqualTo(expected);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
