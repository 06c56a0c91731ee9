/** Where the demo's sign-in e-mails go: an SMTP server, the server's mail session, or the development mailbox. */
package dev.authschema.demo.mail;
