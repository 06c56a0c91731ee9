package dev.authschema.engine.ratelimit;

import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;

/** A request over a rate limit: answered 429 with {@code Retry-After}, code {@link AuthErrorCode#RateLimited}. */
public final class RateLimitedException extends AuthFlowException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * @param rule              which limit, for the log (never the address or the key)
     * @param retryAfterSeconds when the window ends, in whole seconds from now, at least 1
     */
    public RateLimitedException(String rule, long retryAfterSeconds) {
        super(AuthErrorCode.RateLimited, "rate limit '" + rule + "' reached; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * @return the {@code Retry-After} value: whole seconds until the window ends, at least 1
     */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
