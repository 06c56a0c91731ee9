/** The demo's account rules over the generated entities: linked sign-in methods, sessions, the admin role. */
package dev.authschema.demo.account;
