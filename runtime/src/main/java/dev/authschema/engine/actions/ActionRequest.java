package dev.authschema.engine.actions;

/**
 * The typed input of an action that ends in a redirect. The endpoints read one from the request
 * ({@code from(HttpExchange, ...)} on each record); {@code AuthService} builds one from its arguments. Either way
 * {@link AuthRouter#perform} runs the same action, and no action reads a request parameter itself.
 */
public sealed interface ActionRequest
        permits SignIn.Request,
                Callback.OAuthRequest,
                Callback.EmailRequest,
                PasskeyCallback.Request,
                Callback.CodeRequest,
                PasswordAction.Request,
                SignOut.Request {

    /**
     * @return the provider the action is for, or {@code null} (sign-out)
     */
    String providerId();
}
