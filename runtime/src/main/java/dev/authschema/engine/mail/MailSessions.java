package dev.authschema.engine.mail;

import jakarta.mail.Session;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The container's Jakarta Mail sessions, by the JNDI name an e-mail provider gives. */
public final class MailSessions {

    private MailSessions() {}

    /** {@code mail/authschema} becomes {@code java:comp/env/mail/authschema}; a {@code java:} name stays as it is. */
    public static String absoluteName(String jndiName) {
        return jndiName.startsWith("java:") ? jndiName : "java:comp/env/" + jndiName;
    }

    /** Whether the container binds a mail session at that name. */
    public static boolean exists(String jndiName) {
        try {
            return new InitialContext().lookup(absoluteName(jndiName)) instanceof Session;
        } catch (NamingException e) {
            return false;
        }
    }
}
