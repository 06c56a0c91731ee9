/**
 * OAuth 2 and OpenID Connect sign-in through Nimbus oauth2-oidc-sdk: authorization code with PKCE, state and nonce
 * in encrypted cookies, ID token validation, user info, and the account linking rules.
 */
package dev.authschema.engine.oauth;
