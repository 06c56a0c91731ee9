/** Jakarta Security integration: the authentication mechanism that turns a session into the caller principal. */
package dev.authschema.engine.security;
