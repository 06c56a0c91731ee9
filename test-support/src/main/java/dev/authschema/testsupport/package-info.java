/** Helpers the server integration tests share: HTTP clients, page reader, test mailbox and OIDC provider, logs. */
package dev.authschema.testsupport;
