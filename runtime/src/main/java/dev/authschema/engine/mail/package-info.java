/** Delivery of sign-in e-mails: the sender interface and its Jakarta Mail implementation. */
package dev.authschema.engine.mail;
