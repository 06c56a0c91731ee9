package dev.authschema.demo.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.cdi.AuthService;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.PasskeyProviderConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sign-in page: one button per configured OAuth provider and the e-mail link form. */
@Named("signIn")
@RequestScoped
public class SignInBean {

    private static final String AFTER_SIGN_IN = "/account.xhtml";

    @Inject
    AuthService auth;

    @Inject
    AuthEngine engine;

    private String email;

    /**
     * @return the configured OAuth / OpenID Connect providers, in configuration order
     */
    public List<ProviderButton> getOauthProviders() {
        return engine.config().providers().stream()
                .filter(OAuthProviderConfig.class::isInstance)
                .map(p -> new ProviderButton(p.id(), p.name()))
                .toList();
    }

    /**
     * @param providerId a provider id
     * @return whether that provider is configured
     */
    public boolean offers(String providerId) {
        return engine.config().provider(providerId).isPresent();
    }

    /**
     * @return whether e-mail sign-in is configured
     */
    public boolean isEmailEnabled() {
        return engine.config().providers().stream().anyMatch(EmailProviderConfig.class::isInstance);
    }

    /**
     * @return whether passkey sign-in is configured
     */
    public boolean isPasskeysEnabled() {
        return engine.config().providers().stream().anyMatch(PasskeyProviderConfig.class::isInstance);
    }

    /** Sends the sign-in link, then shows "check your email" (or the error). */
    public void sendLink() {
        Map<String, String> parameters = parameters();
        parameters.put("email", email);
        FacesRequest.redirect(auth.signIn(FacesRequest.request(), FacesRequest.response(), "email", parameters));
    }

    /**
     * Starts a sign-in with an OAuth provider.
     *
     * @param providerId the provider id
     */
    public void signInWith(String providerId) {
        FacesRequest.redirect(auth.signIn(FacesRequest.request(), FacesRequest.response(), providerId, parameters()));
    }

    private Map<String, String> parameters() {
        String callbackUrl = FacesRequest.parameter("callbackUrl");
        Map<String, String> parameters = new HashMap<>();
        parameters.put(
                "callbackUrl",
                callbackUrl == null || callbackUrl.isBlank()
                        ? FacesRequest.request().getContextPath() + AFTER_SIGN_IN
                        : callbackUrl);
        return parameters;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
