package dev.authschema.demo.account;

/** The rule that keeps every member able to sign in: the last way in can never be removed. */
public final class SignInMethods {

    private SignInMethods() {}

    /**
     * @param linkedAccounts how many provider accounts and passkeys the member has
     * @param canUseEmailLink whether the member can still sign in by e-mail link (has an address, provider on)
     * @return whether one linked account may be unlinked
     */
    public static boolean canUnlinkOne(int linkedAccounts, boolean canUseEmailLink) {
        return linkedAccounts + (canUseEmailLink ? 1 : 0) > 1;
    }
}
