package dev.authschema.engine.log;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code debug} switch: when on, each step of a sign-in flow is logged at INFO under
 * {@code dev.authschema.engine}. Callers pass only ids, provider names and outcomes, never tokens, secrets or
 * addresses.
 */
public final class FlowLog {

    private static final Logger LOG = Logger.getLogger("dev.authschema.engine");

    private final boolean debug;

    /**
     * @param debug whether to log the flow
     */
    public FlowLog(boolean debug) {
        this.debug = debug;
    }

    /**
     * @param text text a client chose (a path, a header, a parameter), or {@code null}
     * @return it fit for one log line: at most 100 characters, every control, line or paragraph separator and
     *         format character replaced by {@code ?}, so that it can neither start a forged line nor hide text
     */
    public static String untrusted(String text) {
        if (text == null) {
            return "";
        }
        String shortened = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        StringBuilder printable = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT;
            printable.appendCodePoint(hidden ? '?' : c);
        });
        return printable.toString();
    }

    /**
     * @param message builds the message only when debugging is on
     */
    public void debug(Supplier<String> message) {
        if (debug) {
            LOG.info(() -> "[auth] " + message.get());
        } else {
            LOG.fine(message);
        }
    }

    /**
     * @param message what went wrong (no secrets, no personal data)
     * @param cause   the failure, logged with its stack trace; the store's own messages, which may quote a row's
     *                values, are withheld ({@link RedactedFailure})
     */
    public void error(String message, Throwable cause) {
        error(message, cause, List.of());
    }

    /**
     * @param message  what went wrong (no secrets, no personal data)
     * @param cause    the failure, logged with its stack trace, without the store's own messages
     * @param personal values that must not reach the log, such as the address a mail was for: replaced in every
     *                 message of the failure and its causes
     */
    public void error(String message, Throwable cause, Collection<String> personal) {
        LOG.log(Level.WARNING, "[auth] " + message, RedactedFailure.of(cause, personal));
    }

    /**
     * @param message a warning (no secrets)
     */
    public void warn(String message) {
        LOG.warning(() -> "[auth] " + message);
    }
}
