package dev.authschema.demo.config;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.demo.account.AdminPromotion;
import dev.authschema.demo.mail.SignInMailRouting;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.Pages;
import dev.authschema.engine.config.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The sign-in engine's configuration: e-mail links, passwords (their mails go through the e-mail provider) and
 * passkeys always (sign-up with a passkey alone only with {@code DEMO_PASSKEY_SIGNUP=true}); the demo OIDC provider,
 * GitHub and Google only when their settings exist (see the README); the demo's own Faces pages; the member's
 * {@code role} as caller group.
 */
@ApplicationScoped
public class DemoAuthConfigProducer {

    /** The id of the local OpenID Connect provider: its settings are {@code AUTH_DEMO_ISSUER/_ID/_SECRET}. */
    public static final String DEMO_PROVIDER = "demo";

    @Inject
    DemoSettings settings;

    @Inject
    AuthAdapter adapter;

    @Inject
    SignInMailRouting mailRouting;

    @Inject
    AdminPromotion adminPromotion;

    @Produces
    @Singleton
    AuthConfig authConfig() {
        EmailProviderConfig email = Providers.email(settings.emailFrom());
        AuthConfig.Builder builder = AuthConfig.builder()
                .environment(settings::get)
                .development(settings.developmentMode())
                .adapter(adapter)
                .sessionStrategy(settings.sessionStrategy())
                .provider(mailRouting.sender().map(email::withSender).orElse(email))
                .provider(Providers.password())
                .provider(Providers.passkey().withSignUp(settings.passkeySignUp()))
                .pages(Pages.defaults()
                        .withSignIn("/signin.xhtml")
                        .withError("/error.xhtml")
                        .withVerifyRequest("/check-email.xhtml")
                        .withConfirmEmail("/confirm.xhtml"))
                .rolesField("role")
                .events(adminPromotion)
                .debug("true".equalsIgnoreCase(settings.get("AUTH_DEBUG")));
        if (settings.has("AUTH_DEMO_ISSUER")) {
            builder.provider(Providers.openIdConnect(DEMO_PROVIDER, "Demo provider", null));
        }
        if (settings.has("AUTH_GITHUB_ID")) {
            builder.provider(Providers.gitHub());
        }
        if (settings.has("AUTH_GOOGLE_ID")) {
            builder.provider(Providers.google());
        }
        return builder.build();
    }
}
