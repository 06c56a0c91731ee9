package dev.authschema.engine.oauth;

/**
 * What the provider sends back to {@code /api/auth/callback/{provider}}, all untrusted.
 *
 * @param code  the authorization code, or {@code null}
 * @param state the state the flow began with, or {@code null}
 * @param error the provider's error code (e.g. {@code access_denied}), or {@code null}
 */
public record CallbackParameters(String code, String state, String error) {

    /** Leaves out the code, a one-time credential. */
    @Override
    public String toString() {
        return "CallbackParameters[error=" + error + "]";
    }
}
