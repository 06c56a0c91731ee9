package dev.authschema.engine.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A copy of a failure, fit for the server log: the same exception classes (by name), messages, stack traces, causes
 * and suppressed exceptions, but without the texts that quote personal data.
 *
 * <ul>
 *   <li>The messages of the store's own exceptions (JDBC, JPA, EclipseLink, Hibernate, and every cause of an
 *       {@code AdapterException}) are withheld: databases quote the row's values in them (MariaDB's
 *       {@code Duplicate entry 'ann@example.com'}, PostgreSQL's {@code Key (email)=(...)}, Derby's truncation
 *       message). A JDBC exception keeps its SQLState and vendor code, which say what went wrong.</li>
 *   <li>Each given value (the address a mail was sent to) is replaced by {@code <redacted>} in every other message,
 *       whatever its letter case: mail servers echo the recipient in their answers.</li>
 * </ul>
 */
final class RedactedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final String ADAPTER_EXCEPTION = "dev.authschema.adapter.AdapterException";
    private static final List<String> STORE_EXCEPTIONS = List.of(
            "java.sql.SQLException",
            "jakarta.persistence.PersistenceException",
            "org.eclipse.persistence.exceptions.EclipseLinkException",
            "org.hibernate.HibernateException");

    /** The copied exception's class name, shown as the original would show it. */
    private final String className;

    private RedactedFailure(String className, String message) {
        super(message);
        this.className = className;
    }

    /**
     * @param failure  the failure to log, or {@code null}
     * @param personal values that must not appear in the log (blank ones are ignored)
     * @return its copy without the store's messages and the values, or {@code null}
     */
    static Throwable of(Throwable failure, Collection<String> personal) {
        if (failure == null) {
            return null;
        }
        List<String> values = personal.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(v -> v.toLowerCase(Locale.ROOT))
                .toList();
        return copy(failure, false, values, new IdentityHashMap<>());
    }

    private static Throwable copy(
            Throwable original, boolean belowAdapter, List<String> personal, Map<Throwable, Throwable> copies) {
        Throwable known = copies.get(original);
        if (known != null) {
            return known; // a cycle of causes or suppressed exceptions
        }
        boolean store = belowAdapter || isA(original.getClass(), STORE_EXCEPTIONS);
        RedactedFailure copy = new RedactedFailure(
                original.getClass().getName(), store ? withheld(original) : redact(original.getMessage(), personal));
        copy.setStackTrace(original.getStackTrace());
        copies.put(original, copy);
        boolean causesAreStore = store || isA(original.getClass(), List.of(ADAPTER_EXCEPTION));
        Throwable cause = original.getCause();
        if (cause != null && cause != original) {
            copy.initCause(copy(cause, causesAreStore, personal, copies));
        }
        for (Throwable suppressed : original.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, causesAreStore, personal, copies));
        }
        return copy;
    }

    private static String withheld(Throwable store) {
        StringBuilder text = new StringBuilder("(message withheld: it may quote stored values");
        if (store instanceof java.sql.SQLException sql) {
            text.append("; SQLState ")
                    .append(sql.getSQLState())
                    .append(", vendor code ")
                    .append(sql.getErrorCode());
        }
        return text.append(')').toString();
    }

    private static String redact(String message, List<String> personal) {
        if (message == null || personal.isEmpty()) {
            return message;
        }
        StringBuilder text = new StringBuilder(message);
        for (String value : personal) {
            String lower = text.toString().toLowerCase(Locale.ROOT);
            List<Integer> starts = new ArrayList<>();
            for (int at = lower.indexOf(value); at >= 0; at = lower.indexOf(value, at + value.length())) {
                starts.add(at);
            }
            for (int i = starts.size() - 1; i >= 0; i--) {
                text.replace(starts.get(i), starts.get(i) + value.length(), "<redacted>");
            }
        }
        return text.toString();
    }

    private static boolean isA(Class<?> type, List<String> names) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? className : className + ": " + message;
    }
}
