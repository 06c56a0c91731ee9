package dev.authschema.database;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code %XX} decoding of URL parts as UTF-8. Unlike {@link java.net.URLDecoder} it keeps {@code +}:
 * a password such as {@code a+b} means itself.
 */
final class PercentDecoding {

    private PercentDecoding() {}

    /**
     * The decoded text.
     *
     * @param what names the part in the error message (e.g. "password"); the text itself is never quoted
     * @throws InvalidDatabaseUrlException for a {@code %} without two hex digits or bytes that are not UTF-8
     */
    static String decode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new InvalidDatabaseUrlException(
                            "The " + what + " in the database URL has a '%' that is not followed by two hex digits;"
                                    + " write a literal '%' as %25");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDatabaseUrlException(
                    "The " + what + " in the database URL has %-escapes that are not UTF-8");
        }
    }
}
