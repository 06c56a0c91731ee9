package dev.authschema.engine.mail;

/** The subject and bodies of the default sign-in e-mail. */
final class VerificationEmailText {

    private VerificationEmailText() {}

    static String subject(VerificationEmail email) {
        switch (email.purpose()) {
            case PASSWORD_RESET -> {
                return "Reset your password for " + email.host();
            }
            case ACCOUNT_EXISTS -> {
                return "You already have an account at " + email.host();
            }
            default -> {}
        }
        if (email.isCode()) {
            return "Your sign-in code for " + email.host(); // not the code itself: subjects show on lock screens
        }
        return "Sign in to " + email.host();
    }

    static String plain(VerificationEmail email) {
        switch (email.purpose()) {
            case PASSWORD_RESET -> {
                return "Reset your password for " + email.host() + "\n\n" + email.url() + "\n\nThe link works once"
                        + " and until " + email.expires() + ".\nIf you did not ask for it you can safely ignore this"
                        + " e-mail: your password stays as it is.\n";
            }
            case ACCOUNT_EXISTS -> {
                return "Someone, perhaps you, tried to create an account at " + email.host() + " with this address,"
                        + " which already has one.\n\nIf it was you, sign in, or set a new password here:\n\n"
                        + email.url() + "\n\nIf it was not you, you can safely ignore this e-mail.\n";
            }
            default -> {}
        }
        if (email.isCode()) {
            return "Your sign-in code for " + email.host() + ":\n\n    " + email.code() + "\n\nType it into the page"
                    + " that asked for it (" + email.url() + "). The code works once and until " + email.expires()
                    + ".\nIf you did not request this e-mail you can safely ignore it.\n";
        }
        return "Sign in to " + email.host() + "\n\n" + email.url() + "\n\nThe link works once and until "
                + email.expires() + ".\nIf you did not request this e-mail you can safely ignore it.\n";
    }

    static String html(VerificationEmail email) {
        switch (email.purpose()) {
            case PASSWORD_RESET -> {
                return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                        + "<p>Reset your password for <strong>" + escape(email.host()) + "</strong></p>"
                        + "<p><a href=\"" + escape(email.url()) + "\">Set a new password</a></p>"
                        + "<p>The link works once. If you did not ask for it you can safely ignore this e-mail.</p>"
                        + "</body></html>";
            }
            case ACCOUNT_EXISTS -> {
                return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                        + "<p>Someone, perhaps you, tried to create an account at <strong>" + escape(email.host())
                        + "</strong> with this address, which already has one.</p>"
                        + "<p>If it was you, sign in, or <a href=\"" + escape(email.url()) + "\">set a new"
                        + " password</a>.</p><p>If it was not you, you can safely ignore this e-mail.</p>"
                        + "</body></html>";
            }
            default -> {}
        }
        if (email.isCode()) {
            return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                    + "<p>Your sign-in code for <strong>" + escape(email.host()) + "</strong>:</p>"
                    + "<p style=\"font-size:24px;letter-spacing:4px\"><strong>" + escape(email.code())
                    + "</strong></p><p>Type it into the page that asked for it. It works once.</p>"
                    + "<p>If you did not request this e-mail you can safely ignore it.</p></body></html>";
        }
        String url = escape(email.url());
        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>Sign in to <strong>" + escape(email.host()) + "</strong></p>"
                + "<p><a href=\"" + url + "\" style=\"padding:8px 16px;background:#346df1;color:#fff;"
                + "text-decoration:none;border-radius:4px\">Sign in</a></p>"
                + "<p>If you did not request this e-mail you can safely ignore it.</p></body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
