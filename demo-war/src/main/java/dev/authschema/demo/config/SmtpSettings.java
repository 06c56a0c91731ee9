package dev.authschema.demo.config;

/**
 * An SMTP server for sign-in e-mails.
 *
 * @param host     host name
 * @param port     port
 * @param user     user name, or {@code null} for no authentication
 * @param password password, or {@code null}
 * @param startTls whether to require STARTTLS
 */
public record SmtpSettings(String host, int port, String user, String password, boolean startTls) {

    /** Leaves out the password. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user + ", startTls=" + startTls + "]";
    }
}
