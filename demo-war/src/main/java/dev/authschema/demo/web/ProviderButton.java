package dev.authschema.demo.web;

/**
 * A sign-in provider as a page shows it.
 *
 * @param id   the provider id
 * @param name the name on its button
 */
public record ProviderButton(String id, String name) {}
