/** The demo's settings (environment variables) and the {@code AuthConfig} made from them. */
package dev.authschema.demo.config;
