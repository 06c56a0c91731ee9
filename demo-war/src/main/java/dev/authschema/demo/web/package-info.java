/** The demo's Faces pages: sign-in, e-mail link confirmation, account, errors, the development mailbox. */
package dev.authschema.demo.web;
