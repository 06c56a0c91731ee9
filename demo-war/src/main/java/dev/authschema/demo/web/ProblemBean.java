package dev.authschema.demo.web;

import dev.authschema.engine.web.forms.FormCsrfFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/** The page for HTTP errors and unexpected failures: a plain explanation, never a stack trace. */
@Named("problem")
@RequestScoped
public class ProblemBean {

    /**
     * @return the HTTP status of the failed request
     */
    public int getStatus() {
        Object status = FacesRequest.request().getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }

    /**
     * @return a title for the status
     */
    public String getTitle() {
        if (isExpired()) {
            return "This page has expired";
        }
        if (isFormRefused()) {
            return "This form has expired";
        }
        return switch (getStatus()) {
            case 400 -> "This form has expired";
            case 403 -> "You do not have access to this page";
            case 404 -> "Page not found";
            case 401 -> "Please sign in";
            case 503 -> "Temporarily unavailable";
            default -> "Something went wrong";
        };
    }

    /**
     * @return what to do next
     */
    public String getMessage() {
        if (isExpired()) {
            return "The form was open too long. Go back, reload the page and try again.";
        }
        if (isFormRefused()) {
            return "Reload the page and try again. If you did not just send a form, another site tried to send it"
                    + " for you; nothing was changed.";
        }
        return switch (getStatus()) {
            case 400 -> "Reload the page and try again.";
            case 403 -> "Your account does not have the role this page needs.";
            case 404 -> "There is nothing at this address.";
            case 401 -> "Sign in to continue.";
            case 503 ->
                "The server cannot reach its database right now. You are still signed in: try again in a" + " moment.";
            default -> "The server could not complete the request. Please try again in a moment.";
        };
    }

    /** The runtime's FormCsrfFilter refused the request: no token of this browser. */
    private static boolean isFormRefused() {
        return Boolean.TRUE.equals(FacesRequest.request().getAttribute(FormCsrfFilter.REFUSED_ATTRIBUTE));
    }

    private boolean isExpired() {
        Throwable error = (Throwable) FacesRequest.request().getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
