package dev.authschema.engine.startup;

/**
 * The application cannot work as deployed: the message names the missing piece and the fix. Thrown while the
 * application starts, so that the server refuses the deployment rather than the first sign-in failing.
 */
public class DeploymentCheckException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing, where, and how to fix it
     */
    public DeploymentCheckException(String message) {
        super(message);
    }

    /**
     * @param message what is missing, where, and how to fix it
     * @param cause   the failure behind it
     */
    public DeploymentCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
