package dev.authschema.engine.oauth;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.util.Optional;

/**
 * Who an OAuth sign-in belongs to, decided from what the database knows; the rules of Auth.js:
 * <ol>
 *   <li>the account is known: its user, unless another user is signed in ({@code OAuthAccountNotLinked});</li>
 *   <li>someone is signed in: link the account to them;</li>
 *   <li>a user has the profile's e-mail address, and the provider vouches for it ({@code email_verified}): link
 *       only if the provider allows dangerous e-mail account linking, else {@code OAuthAccountNotLinked};</li>
 *   <li>otherwise: create a user and link the account.</li>
 * </ol>
 * An unverified address never matches anyone, whatever {@code allowDangerousEmailAccountLinking} says: anybody can
 * put any address on an account at many providers.
 */
public final class AccountLinking {

    private AccountLinking() {}

    /** The outcome. */
    public sealed interface Decision permits SignInOwner, LinkToSignedInUser, LinkToEmailOwner, CreateUser {}

    /**
     * Sign in the user who owns the account.
     *
     * @param user the owner
     */
    public record SignInOwner(AdapterUser user) implements Decision {}

    /**
     * Link the account to the signed-in user.
     *
     * @param user the signed-in user
     */
    public record LinkToSignedInUser(AdapterUser user) implements Decision {}

    /**
     * Link the account to the user with the same e-mail address.
     *
     * @param user that user
     */
    public record LinkToEmailOwner(AdapterUser user) implements Decision {}

    /** Create a user from the profile and link the account. */
    public record CreateUser() implements Decision {}

    /**
     * @param accountOwner                      the user who owns the account, if it is known
     * @param signedInUser                      the user signed in in this browser, if any
     * @param emailOwner                        the user with the profile's e-mail address, if any
     * @param emailVerified                     whether the provider vouches for that address; if not,
     *                                          {@code emailOwner} is ignored
     * @param allowDangerousEmailAccountLinking the provider's setting
     * @return the decision
     * @throws AuthFlowException {@code OAuthAccountNotLinked} where Auth.js refuses
     */
    public static Decision decide(
            Optional<AdapterUser> accountOwner,
            Optional<AdapterUser> signedInUser,
            Optional<AdapterUser> emailOwner,
            boolean emailVerified,
            boolean allowDangerousEmailAccountLinking) {
        if (accountOwner.isPresent()) {
            if (signedInUser.isPresent()
                    && !signedInUser.get().id().equals(accountOwner.get().id())) {
                throw new AuthFlowException(
                        AuthErrorCode.OAuthAccountNotLinked, "the account is already linked to another user");
            }
            return new SignInOwner(accountOwner.get());
        }
        if (signedInUser.isPresent()) {
            return new LinkToSignedInUser(signedInUser.get());
        }
        if (emailOwner.isPresent() && emailVerified) {
            if (!allowDangerousEmailAccountLinking) {
                throw new AuthFlowException(
                        AuthErrorCode.OAuthAccountNotLinked,
                        "user " + emailOwner.get().id()
                                + " has the profile's e-mail address and the provider does not allow linking by address");
            }
            return new LinkToEmailOwner(emailOwner.get());
        }
        return new CreateUser();
    }
}
