package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.ACCOUNTS;
import static dev.authschema.adapter.AdapterCapability.USERS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static dev.authschema.adapter.tck.ModelAssertions.assertKeepsGiven;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateAccountException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Account role: linking provider accounts to users, finding users by account, unlinking. */
public interface AccountCases extends ConformanceCases {

    /**
     * Auth.js {@code linkAccount}: every account property is stored, and {@code expires_at} stays a number of epoch
     * seconds.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, ACCOUNTS})
    default void link_account_stores_all_eleven_properties_with_expires_at_as_a_number() {
        AdapterUser user = context().adapter().createUser(context().fixtures().user());
        AdapterAccount given = context().fixtures().account(user.id());

        AdapterAccount linked = context().adapter().linkAccount(given);

        assertKeepsGiven(linked, given);
        AdapterAccount row = context()
                .db()
                .account(given.provider(), given.providerAccountId())
                .orElseThrow(() ->
                        new AssertionError("no account row for " + given.provider() + "/" + given.providerAccountId()));
        assertKeepsGiven(row, given);
        assertThat(row.expiresAt()).as("expiresAt in epoch seconds").isEqualTo(given.expiresAt());
    }

    /**
     * An account without tokens (as e-mail sign-in creates) is stored with its optional properties null.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void link_account_stores_an_account_with_only_the_required_properties() {
        AdapterUser user = context().adapter().createUser(context().fixtures().user());
        AdapterAccount template = context().fixtures().account(user.id(), "email");
        AdapterAccount given = new AdapterAccount(
                user.id(), "email", "email", user.email(), null, null, null, null, null, null, null, template.extras());

        context().adapter().linkAccount(given);

        assertKeepsGiven(context().db().account("email", user.email()).orElseThrow(), given);
    }

    /**
     * Auth.js {@code getUserByAccount}: the owner of a linked account; empty for an unknown one or another provider.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, ACCOUNTS})
    default void get_user_by_account_finds_the_owner_and_nothing_for_an_unknown_account() {
        AuthAdapter adapter = context().adapter();
        assertThat(adapter.getUserByAccount("github", context().fixtures().unknownKey()))
                .isEmpty();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount account = adapter.linkAccount(context().fixtures().account(user.id()));

        assertHolds(
                adapter.getUserByAccount(account.provider(), account.providerAccountId()), user, "getUserByAccount");
        assertThat(adapter.getUserByAccount("gitlab", account.providerAccountId()))
                .as("same provider account id at another provider")
                .isEmpty();
    }

    /**
     * Auth.js {@code unlinkAccount}: the account is gone and its user stays.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, ACCOUNTS})
    default void unlink_account_removes_the_account() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount account = adapter.linkAccount(context().fixtures().account(user.id()));

        adapter.unlinkAccount(account.provider(), account.providerAccountId());

        assertThat(context().db().account(account.provider(), account.providerAccountId()))
                .isEmpty();
        assertThat(adapter.getUserByAccount(account.provider(), account.providerAccountId()))
                .isEmpty();
        assertHolds(context().db().user(user.id()), user, "the user stays");
    }

    /**
     * Unlinking an account that does not exist is not an error.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void unlink_account_of_an_unknown_account_does_nothing() {
        assertThatCode(() -> context()
                        .adapter()
                        .unlinkAccount("github", context().fixtures().unknownKey()))
                .doesNotThrowAnyException();
    }

    /**
     * Auth.js {@code getAccount}: the linked account; empty for an unknown one, and (once the account exists) for its
     * provider account id at another provider and for another provider account id at its provider: both halves of
     * the key count.
     */
    @Test
    @Tag(AUTHJS)
    @Requires({USERS, ACCOUNTS})
    default void get_account_finds_the_account_and_nothing_for_an_unknown_one() {
        AuthAdapter adapter = context().adapter();
        assertThat(adapter.getAccount(context().fixtures().unknownKey(), "github"))
                .isEmpty();
        AdapterUser user = adapter.createUser(context().fixtures().user());
        AdapterAccount account = adapter.linkAccount(context().fixtures().account(user.id()));

        assertHolds(adapter.getAccount(account.providerAccountId(), account.provider()), account, "getAccount");
        assertThat(adapter.getAccount(account.providerAccountId(), "gitlab"))
                .as("the right provider account id at another provider")
                .isEmpty();
        assertThat(adapter.getAccount(context().fixtures().unknownKey(), account.provider()))
                .as("another provider account id at the right provider")
                .isEmpty();
    }

    /**
     * A user may link accounts of several providers, and each leads back to the user.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void one_user_can_have_accounts_at_two_providers() {
        AuthAdapter adapter = context().adapter();
        AdapterUser user = adapter.createUser(context().fixtures().user());

        AdapterAccount github = adapter.linkAccount(context().fixtures().account(user.id(), "github"));
        AdapterAccount google = adapter.linkAccount(context().fixtures().account(user.id(), "google"));

        assertHolds(context().db().account("github", github.providerAccountId()), github, "github account");
        assertHolds(context().db().account("google", google.providerAccountId()), google, "google account");
        assertHolds(adapter.getUserByAccount("github", github.providerAccountId()), user, "owner of github account");
        assertHolds(adapter.getUserByAccount("google", google.providerAccountId()), user, "owner of google account");
    }

    /**
     * A second account with the same provider and provider account id is refused with {@link
     * dev.authschema.adapter.DuplicateAccountException}, whose message names the provider but not the provider
     * account id (it identifies a person), and the first stays as it was.
     */
    @Test
    @Tag(EXTENDED)
    @Requires({USERS, ACCOUNTS})
    default void a_second_account_with_the_same_provider_account_id_is_refused_and_changes_nothing() {
        AuthAdapter adapter = context().adapter();
        AdapterUser owner = adapter.createUser(context().fixtures().user());
        AdapterUser intruder = adapter.createUser(context().fixtures().user());
        AdapterAccount original = adapter.linkAccount(context().fixtures().account(owner.id()));
        AdapterAccount copy = context().fixtures().account(intruder.id());
        AdapterAccount duplicate = new AdapterAccount(
                intruder.id(),
                copy.type(),
                original.provider(),
                original.providerAccountId(),
                copy.refreshToken(),
                copy.accessToken(),
                copy.expiresAt(),
                copy.tokenType(),
                copy.scope(),
                copy.idToken(),
                copy.sessionState(),
                copy.extras());

        assertThatThrownBy(() -> adapter.linkAccount(duplicate))
                .isInstanceOf(DuplicateAccountException.class)
                .hasMessageContaining(original.provider())
                .hasMessageNotContaining(original.providerAccountId())
                .satisfies(e -> {
                    DuplicateAccountException refused = (DuplicateAccountException) e;
                    assertThat(refused.provider()).isEqualTo(original.provider());
                    assertThat(refused.providerAccountId()).isEqualTo(original.providerAccountId());
                });
        assertHolds(
                context().db().account(original.provider(), original.providerAccountId()),
                original,
                "the original account, unchanged");
        assertHolds(
                adapter.getUserByAccount(original.provider(), original.providerAccountId()),
                owner,
                "owner of the account");
    }
}
