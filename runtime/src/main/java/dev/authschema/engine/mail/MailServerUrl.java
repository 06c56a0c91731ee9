package dev.authschema.engine.mail;

import dev.authschema.engine.http.HostNames;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * An SMTP server given as a URL, Auth.js's {@code EMAIL_SERVER}: {@code smtp://user:password@host:587} (STARTTLS,
 * required unless the host is a loopback address) or {@code smtps://user:password@host:465} (TLS from the first byte); user and password
 * percent-encoded, both optional. {@link #toString()} and every message leave the password out, so it never reaches a
 * log line.
 */
public final class MailServerUrl {

    /** The environment variable the engine reads it from. */
    public static final String ENVIRONMENT_VARIABLE = "AUTH_EMAIL_SERVER";

    /** Connection and read timeouts: a mail server that hangs must not hold the sign-in request for minutes. */
    private static final String TIMEOUT_MILLIS = "10000";

    private final boolean implicitTls;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private MailServerUrl(boolean implicitTls, String host, int port, String user, String password) {
        this.implicitTls = implicitTls;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * @param url e.g. {@code smtp://user:password@smtp.example.com:587}
     * @return the server's settings
     * @throws IllegalArgumentException naming the wrong part (never quoting the password)
     */
    public static MailServerUrl parse(String url) {
        String text = url == null ? "" : url.strip();
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " must start with smtp:// or smtps://, as in"
                    + " smtp://user:password@smtp.example.com:587");
        }
        String rest = text.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String hostPart = at < 0 ? rest : rest.substring(at + 1);
        if (hostPart.endsWith("/")) {
            hostPart = hostPart.substring(0, hostPart.length() - 1);
        }
        URI address;
        try {
            // Parsed as it is written: the constructor that quotes its parts would turn an IPv6 literal's brackets
            // into %5B...%5D and refuse smtp://[::1]:2525.
            address = new URI(scheme + "://" + hostPart).parseServerAuthority();
        } catch (URISyntaxException e) {
            // Never quoted: a URL that lacks its '@' has the password where the host should be.
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": the part after '@' is not host or host:port;"
                    + " write smtp://user:password@smtp.example.com:587 (percent-encode '@', ':' and '/' in the user"
                    + " and password)");
        }
        if (address.getHost() == null
                || address.getRawUserInfo() != null
                || address.getPath() != null && !address.getPath().isEmpty()
                || address.getRawQuery() != null
                || address.getRawFragment() != null) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": the part after '@' is not host or host:port;"
                    + " write smtp://user:password@smtp.example.com:587 (percent-encode '@', ':' and '/' in the user"
                    + " and password)");
        }
        if (address.getPort() == 0 || address.getPort() > 65535) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": the port after the host must be 1 to 65535"
                    + " (or left out: 587 for smtp://, 465 for smtps://), as in"
                    + " smtp://user:password@smtp.example.com:587");
        }
        boolean implicitTls = scheme.equals("smtps");
        int port = address.getPort() > 0 ? address.getPort() : implicitTls ? 465 : 587;
        String user = null;
        String password = null;
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
        }
        return new MailServerUrl(implicitTls, address.getHost(), port, user, password);
    }

    /** A Jakarta Mail session for this server, authenticating when the URL names a user. */
    public Session session() {
        String protocol = implicitTls ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        if (!implicitTls) {
            properties.put("mail.smtp.starttls.enable", "true");
            // Required, not only used when offered: anyone on the path could strip the server's STARTTLS from its
            // answer and read the password and every sign-in link in clear. Only a mail server on this machine
            // (a development mail catcher) may answer without TLS.
            if (!HostNames.isLoopback(host)) {
                properties.put("mail.smtp.starttls.required", "true");
            }
        }
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (user == null) {
            return Session.getInstance(properties);
        }
        properties.put("mail." + protocol + ".auth", "true");
        String name = user;
        String secret = password == null ? "" : password;
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(name, secret);
            }
        });
    }

    /** The host the URL names. */
    public String host() {
        return host;
    }

    /** The port, 587 for {@code smtp://} and 465 for {@code smtps://} unless the URL gives one. */
    public int port() {
        return port;
    }

    /** Whether the connection is TLS from the start ({@code smtps://}). */
    public boolean implicitTls() {
        return implicitTls;
    }

    /** The scheme, host, port and user; never the password. */
    @Override
    public String toString() {
        return (implicitTls ? "smtps://" : "smtp://")
                + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + host + ":" + port;
    }

    private static String decode(String text, String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()
                        || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": the " + part + " has a '%' not"
                            + " followed by two hex digits; write a literal % as %25");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
