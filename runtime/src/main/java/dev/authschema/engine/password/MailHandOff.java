package dev.authschema.engine.password;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * Where the password provider's mails (sign-up confirmation, account-exists notice, reset link) are sent from. In a
 * server, the default {@code ManagedExecutorService}: the answers to "sign up" and "forgot password" must not wait for
 * the mail server, or its delay (hundreds of milliseconds to a remote one) and its failures would tell which
 * addresses have an account. Outside a server (Java SE, unit tests) the mail is sent on the request's thread.
 */
public final class MailHandOff {

    private static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";
    private static final Logger LOG = Logger.getLogger(MailHandOff.class.getName());

    private final Executor executor;

    private MailHandOff(Executor executor) {
        this.executor = executor;
    }

    /** The server's managed executor, or the calling thread when there is none. */
    public static MailHandOff serverOrInline() {
        try {
            Object found = new InitialContext().lookup(EXECUTOR);
            if (found instanceof Executor executor) {
                return new MailHandOff(executor);
            }
        } catch (NoInitialContextException javaSe) {
            // Java SE (no naming at all): the mails go out on the calling thread, as expected there.
            LOG.fine(() -> "[auth] no naming context: password mails are sent on the request's thread");
            return inline();
        } catch (NamingException | RuntimeException absent) {
            // A server without Jakarta Concurrency: below.
        }
        // In a server this undoes what the hand-off is for: the mail server's delay and failures reach the answers to
        // "sign up" and "forgot password" again, and tell taken addresses from new ones.
        LOG.warning(
                () -> "[auth] no " + EXECUTOR + " (Liberty: the concurrent-3.0 feature): password mails are sent"
                        + " on the request's thread, where a slow or failing mail server tells which addresses have an account");
        return inline();
    }

    /** Sends on the calling thread. */
    public static MailHandOff inline() {
        return on(Runnable::run);
    }

    /** Sends on {@code executor}. */
    static MailHandOff on(Executor executor) {
        return new MailHandOff(executor);
    }

    /** Runs {@code send}, which handles its own failures, on the executor (inline if it refuses the task). */
    void run(Runnable send) {
        try {
            executor.execute(send);
        } catch (RejectedExecutionException full) {
            send.run();
        }
    }
}
