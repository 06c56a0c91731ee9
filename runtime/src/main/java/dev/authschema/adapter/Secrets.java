package dev.authschema.adapter;

/** Masks credentials in {@code toString()} output so that logging a record never leaks one. */
final class Secrets {

    private Secrets() {}

    static String mask(String secret) {
        return secret == null ? "null" : "<" + secret.length() + " chars>";
    }
}
