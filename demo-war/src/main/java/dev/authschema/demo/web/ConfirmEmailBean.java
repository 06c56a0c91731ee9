package dev.authschema.demo.web;

import dev.authschema.engine.cdi.AuthService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page a sign-in link opens. Opening it changes nothing (link scanners must not use the link up); its button
 * POSTs, which consumes the token and signs the member in.
 */
@Named("confirm")
@RequestScoped
public class ConfirmEmailBean {

    @Inject
    AuthService auth;

    private String email;
    private String token;
    private String callbackUrl;

    @PostConstruct
    void readLink() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            email = FacesRequest.parameter("email");
            token = FacesRequest.parameter("token");
            callbackUrl = FacesRequest.parameter("callbackUrl");
        }
    }

    /**
     * @return whether the link carried what a sign-in needs
     */
    public boolean isComplete() {
        return email != null && !email.isBlank() && token != null && !token.isBlank();
    }

    /** Signs in with the link's token; an invalid, used or expired link leads to the error page. */
    public void signIn() {
        if (!isComplete()) {
            FacesRequest.redirect("/error.xhtml?error=Verification");
            return;
        }
        FacesRequest.redirect(auth.confirmEmail(
                FacesRequest.request(),
                FacesRequest.response(),
                email,
                token,
                callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }
}
