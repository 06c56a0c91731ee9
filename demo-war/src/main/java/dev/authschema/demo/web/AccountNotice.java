package dev.authschema.demo.web;

/** What the account page says after an action; named in its URL ({@code ?notice=PROFILE_SAVED}). */
public enum AccountNotice {
    /** The display name was saved. */
    PROFILE_SAVED("Your display name was saved.", false),
    /** A provider was unlinked. */
    UNLINKED("The provider was unlinked.", false),
    /** Unlinking was refused. */
    LAST_SIGN_IN_METHOD("This is your only way to sign in, so it cannot be removed.", true),
    /** One session was signed out. */
    SESSION_ENDED("The session was signed out.", false),
    /** The session to sign out no longer existed. */
    SESSION_ALREADY_ENDED("That session had already ended.", true),
    /** Every other session was signed out. */
    OTHER_SESSIONS_ENDED("Your other sessions were signed out.", false),
    /** A passkey was added (the engine's script comes back here after the ceremony). */
    PASSKEY_ADDED("The passkey was added: you can sign in with it now.", false),
    /** A passkey was removed. */
    PASSKEY_REMOVED("The passkey was removed: it no longer signs you in.", false),
    /** The password was changed (the engine's changePassword comes back here). */
    PASSWORD_CHANGED("Your password was changed, and your other sessions were signed out.", false);

    private final String message;
    private final boolean warning;

    AccountNotice(String message, boolean warning) {
        this.message = message;
        this.warning = warning;
    }

    /**
     * @return the text to show
     */
    public String getMessage() {
        return message;
    }

    /**
     * @return whether it reports something that did not happen
     */
    public boolean isWarning() {
        return warning;
    }

    /**
     * @param name a name from the query string, possibly unknown or {@code null}
     * @return the notice, or {@code null} for none
     */
    public static AccountNotice fromQuery(String name) {
        for (AccountNotice notice : values()) {
            if (notice.name().equals(name)) {
                return notice;
            }
        }
        return null;
    }
}
