package dev.authschema.engine.mail;

/** The subject and bodies of the default sign-in e-mail. */
final class VerificationEmailText {

    private VerificationEmailText() {
    }

    static String subject(VerificationEmail email) {
        return "Sign in to " + email.host();
    }

    static String plain(VerificationEmail email) {
        return "Sign in to " + email.host() + "\n\n" + email.url() + "\n\nThe link works once and until "
                + email.expires() + ".\nIf you did not request this e-mail you can safely ignore it.\n";
    }

    static String html(VerificationEmail email) {
        String url = escape(email.url());
        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>Sign in to <strong>" + escape(email.host()) + "</strong></p>"
                + "<p><a href=\"" + url + "\" style=\"padding:8px 16px;background:#346df1;color:#fff;"
                + "text-decoration:none;border-radius:4px\">Sign in</a></p>"
                + "<p>If you did not request this e-mail you can safely ignore it.</p></body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
