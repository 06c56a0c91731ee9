package dev.authschema.demo.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.cdi.AuthService;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.config.PasswordProviderConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sign-in page: one button per configured OAuth provider, the e-mail link form and the password form. */
@Named("signIn")
@RequestScoped
public class SignInBean {

    private static final String AFTER_SIGN_IN = "/account.xhtml";

    @Inject
    AuthService auth;

    @Inject
    AuthEngine engine;

    private String email;

    private String password;

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

    /**
     * @return whether password sign-in is configured
     */
    public boolean isPasswordEnabled() {
        return engine.config().providers().stream().anyMatch(PasswordProviderConfig.class::isInstance);
    }

    /**
     * Signs in with the address and password typed: to the callback URL, or back to this page with
     * {@code ?error=CredentialsSignin} (unknown address and wrong password alike) or {@code ?error=EmailNotVerified}.
     */
    public void signInWithPassword() {
        String callbackUrl = parameters().get("callbackUrl");
        FacesRequest.redirect(
                auth.signInWithPassword(FacesRequest.request(), FacesRequest.response(), email, password, callbackUrl));
    }

    /**
     * @return the engine's built-in sign-up page; its mailed link confirms the address and leads to the callback URL
     */
    public String getSignUpUrl() {
        return FacesRequest.request().getContextPath() + "/api/auth/signup/password?callbackUrl="
                + URLEncoder.encode(parameters().get("callbackUrl"), StandardCharsets.UTF_8);
    }

    /**
     * @return the engine's built-in page that mails a password reset link
     */
    public String getForgotPasswordUrl() {
        return FacesRequest.request().getContextPath() + "/api/auth/password/forgot";
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
