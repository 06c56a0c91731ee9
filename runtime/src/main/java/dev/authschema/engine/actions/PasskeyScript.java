package dev.authschema.engine.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/auth/passkeys.js}: the browser half of the passkey ceremonies, a small script without
 * dependencies. A page includes it with {@code <script src=".../api/auth/passkeys.js" defer>} (no inline script, so
 * a {@code script-src 'self'} policy holds) and marks its buttons with {@code data-passkey-action}; the script's
 * header says which attributes it reads.
 */
final class PasskeyScript {

    private static final String SOURCE = load();

    private PasskeyScript() {}

    static Reply reply() {
        return new Reply.Script(SOURCE);
    }

    private static String load() {
        try (InputStream in = PasskeyScript.class.getResourceAsStream("passkeys.js")) {
            if (in == null) {
                throw new IllegalStateException("passkeys.js is missing from the runtime jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
