package dev.authschema.engine.passkey;

import java.net.URI;

/**
 * The WebAuthn relying party, derived from the trusted base URL and nothing else: the only origin whose ceremonies
 * are accepted, and its host as the RP ID (the browser checks that the page's origin may claim it, the server that
 * the authenticator signed for exactly it).
 *
 * @param origin scheme, host and port of the base URL, e.g. {@code https://app.example}
 * @param id     the RP ID: the base URL's host, e.g. {@code app.example}
 */
public record RelyingParty(String origin, String id) {

    /**
     * @param baseUrl the trusted base URL ({@code AUTH_URL}, or what {@code TrustedBaseUrl} accepted)
     * @return its relying party
     */
    public static RelyingParty of(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return new RelyingParty(origin, host);
    }
}
