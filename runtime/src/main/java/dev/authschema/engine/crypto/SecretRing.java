package dev.authschema.engine.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The application's secrets in order, for rotation (Auth.js's {@code secret} as a list): the first one signs,
 * encrypts and hashes everything new; every one is tried when something is read back (JWT sessions, CSRF cookies,
 * OAuth flow cookies, the hashes of e-mail links not used yet). To rotate, put a new secret first and keep the old one
 * behind it until everything made with it has expired (the session lifetime); then remove it.
 *
 * <p>{@code AUTH_SECRET} holds one secret or several separated by commas ({@link #parse}); base64, base64url and
 * hexadecimal secrets never contain a comma. The one place where the ordered list lives, for every part of the runtime
 * that keys something with the secret.
 */
public final class SecretRing {

    /** What separates the secrets in {@code AUTH_SECRET}. */
    public static final String SEPARATOR = ",";

    private final List<String> secrets;

    private SecretRing(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a secret ring needs at least one secret");
        }
        for (String secret : secrets) {
            if (Objects.requireNonNull(secret, "secret").isEmpty()) {
                throw new IllegalArgumentException("a secret of the ring is empty");
            }
        }
        this.secrets = List.copyOf(secrets);
    }

    /**
     * @param secrets the secrets, the current one first; none empty
     * @return the ring
     */
    public static SecretRing of(List<String> secrets) {
        return new SecretRing(secrets);
    }

    /**
     * @param secret one secret
     * @return a ring of just it
     */
    public static SecretRing of(String secret) {
        return new SecretRing(List.of(secret));
    }

    /**
     * Splits an {@code AUTH_SECRET} value at its commas; each part is stripped of surrounding spaces. An empty part
     * stays in the list as {@code ""}, so that the configuration check can name it rather than silently drop it.
     *
     * @param value one secret, or several separated by {@link #SEPARATOR}
     * @return the parts in order
     */
    public static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(SEPARATOR, -1)) {
            parts.add(part.strip());
        }
        return parts;
    }

    /**
     * @param value one secret, or several separated by {@link #SEPARATOR}, none empty
     * @return the ring
     * @throws IllegalArgumentException if a part is empty
     */
    public static SecretRing parse(String value) {
        return new SecretRing(split(value));
    }

    /**
     * @return the secret that signs, encrypts and hashes everything new
     */
    public String current() {
        return secrets.get(0);
    }

    /**
     * @return every secret, the current one first: the order in which they are tried for reading
     */
    public List<String> all() {
        return secrets;
    }

    /**
     * @return how many secrets the ring holds
     */
    public int size() {
        return secrets.size();
    }

    /** Leaves out the secrets. */
    @Override
    public String toString() {
        return "SecretRing[" + secrets.size() + " secret" + (secrets.size() == 1 ? "" : "s") + ", hidden]";
    }
}
