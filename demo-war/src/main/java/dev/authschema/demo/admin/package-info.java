/** The demo's admin page, for the role {@code ADMIN} only. */
package dev.authschema.demo.admin;
