package dev.authschema.engineit.app;

import dev.authschema.engine.config.AppleClientSecret;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.Providers;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/**
 * The OpenID Connect presets, each as the runtime ships it but pointed at the test provider: issuer
 * {@code <AUTH_PRESET_ISSUER_BASE>/<preset id>} and client {@value #CLIENT_ID}. Everything else (scopes, profile
 * mapping, Apple's form post and signed client secret, Twitch's claims request) is the preset's own.
 */
public final class PresetProviders {

    /** The client id of every preset at the test provider. */
    public static final String CLIENT_ID = "preset-client";

    private PresetProviders() {}

    /**
     * @param issuerBase the test provider's URL, or {@code null} for no presets
     * @return the presets
     */
    public static List<OAuthProviderConfig> all(String issuerBase) {
        if (issuerBase == null || issuerBase.isBlank()) {
            return List.of();
        }
        List<OAuthProviderConfig> presets = List.of(
                Providers.microsoftEntraId(null),
                Providers.apple(appleKey()),
                Providers.gitLab(),
                Providers.keycloak(null),
                Providers.okta(null),
                Providers.auth0(null),
                Providers.slack(),
                Providers.linkedIn(),
                Providers.twitch(),
                Providers.zitadel(null),
                Providers.authentik(null),
                Providers.openIdConnect("corp-sso", "Corp SSO", null));
        return presets.stream()
                .map(preset -> preset.withIssuer(issuerBase + "/" + preset.id())
                        .withClient(CLIENT_ID, preset.clientSecretSigner() == null ? "preset-client-secret" : null))
                .toList();
    }

    /** A fresh P-256 key: the test provider does not check the JWT, the preset still signs one per request. */
    private static AppleClientSecret appleKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new AppleClientSecret("TEAMID0001", "KEYID00001", (ECPrivateKey)
                    generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(e);
        }
    }
}
