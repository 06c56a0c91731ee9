package dev.authschema.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What generated output depends on, as one hash: when the hash of this build equals the one stored by
 * the last, generation is skipped. Cheap by design: it reads the schema and hashes, nothing more.
 */
record Fingerprint(String value) {

    static Fingerprint of(String... inputs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String input : inputs) {
                digest.update(String.valueOf(input).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether the file holds this fingerprint (a missing or unreadable file does not). */
    boolean isStoredIn(Path file) {
        try {
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(value);
        } catch (IOException e) {
            return false;
        }
    }

    void storeIn(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, value, StandardCharsets.UTF_8);
    }
}
