package dev.authschema.engine.http;

/**
 * No trusted base URL for this request: {@code AUTH_URL} is unset and the request names a host the engine must not
 * build links from (in development anything but a loopback host; with {@code AUTH_TRUST_HOST} a malformed header).
 * The endpoints answer 400; the message, for the log, tells the developer what to set.
 */
public final class UntrustedHostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and how to fix it; holds the offending header only in {@link HostNames#forLog}
     *                form
     */
    public UntrustedHostException(String message) {
        super(message);
    }
}
