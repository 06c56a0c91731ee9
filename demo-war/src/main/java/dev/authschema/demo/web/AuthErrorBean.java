package dev.authschema.demo.web;

import dev.authschema.engine.model.AuthErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Turns the engine's {@code ?error=Code} into a title and a message for people (never any technical detail). */
@Named("authError")
@RequestScoped
public class AuthErrorBean {

    /**
     * @return whether the request carries an error code
     */
    public boolean isPresent() {
        String code = FacesRequest.parameter("error");
        return code != null && !code.isBlank();
    }

    /**
     * @return the error code, {@code Default} for unknown ones
     */
    public String getCode() {
        return code().name();
    }

    /**
     * @return a short title for the error
     */
    public String getTitle() {
        return switch (code()) {
            case Verification -> "This sign-in link cannot be used";
            case OAuthAccountNotLinked -> "This account belongs to another sign-in";
            case AccessDenied -> "Access denied";
            case Configuration -> "Sign-in is not available right now";
            case EmailSignin -> "The e-mail could not be sent";
            case MissingCSRF -> "The form has expired";
            case SessionRequired -> "Please sign in";
            case RateLimited -> "Too many attempts";
            default -> "Sign-in failed";
        };
    }

    /**
     * @return what happened and what to do, in plain words
     */
    public String getMessage() {
        return switch (code()) {
            case Verification -> "The link has expired or has already been used. Request a new one below.";
            case OAuthAccountNotLinked ->
                "Another member already uses this e-mail address. Sign in the way you"
                        + " did before, then link this provider from your account page.";
            default -> code().userMessage();
        };
    }

    private AuthErrorCode code() {
        return AuthErrorCode.fromQuery(FacesRequest.parameter("error"));
    }
}
