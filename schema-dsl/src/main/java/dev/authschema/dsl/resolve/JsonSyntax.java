package dev.authschema.dsl.resolve;

/**
 * Whether a text is one JSON value (RFC 8259), for {@code Json} defaults: Prisma rejects a default it cannot
 * parse. Only the syntax is checked; nothing is built.
 */
final class JsonSyntax {

    private final String text;
    private int position;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** Null when the text is valid JSON, else what is wrong and where (a character offset). */
    static String problem(String text) {
        JsonSyntax parser = new JsonSyntax(text);
        try {
            parser.value();
            parser.whitespace();
            if (parser.position != text.length()) {
                throw parser.fail("trailing characters");
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void value() {
        whitespace();
        if (position >= text.length()) {
            throw fail("EOF while parsing a value");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || Character.isDigit(c)) {
                    number();
                } else {
                    throw fail("expected value");
                }
            }
        }
    }

    private void object() {
        position++;
        whitespace();
        if (peek('}')) {
            position++;
            return;
        }
        while (true) {
            whitespace();
            if (!peek('"')) {
                throw fail("key must be a string");
            }
            string();
            whitespace();
            expect(':');
            value();
            whitespace();
            if (peek(',')) {
                position++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array() {
        position++;
        whitespace();
        if (peek(']')) {
            position++;
            return;
        }
        while (true) {
            value();
            whitespace();
            if (peek(',')) {
                position++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() {
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                if (position >= text.length()) {
                    break;
                }
                char escaped = text.charAt(position++);
                if (escaped == 'u') {
                    if (position + 4 > text.length()
                            || !text.substring(position, position + 4).matches("[0-9a-fA-F]{4}")) {
                        throw fail("invalid unicode escape");
                    }
                    position += 4;
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    throw fail("invalid escape");
                }
            } else if (c < 0x20) {
                throw fail("control character in a string");
            }
        }
        throw fail("EOF while parsing a string");
    }

    private void number() {
        int start = position;
        if (peek('-')) {
            position++;
        }
        int digits = digits();
        if (digits == 0 || (digits > 1 && text.charAt(position - digits) == '0')) {
            throw fail("invalid number");
        }
        if (peek('.')) {
            position++;
            if (digits() == 0) {
                throw fail("invalid number");
            }
        }
        if (peek('e') || peek('E')) {
            position++;
            if (peek('+') || peek('-')) {
                position++;
            }
            if (digits() == 0) {
                throw fail("invalid number");
            }
        }
        if (position == start) {
            throw fail("invalid number");
        }
    }

    private int digits() {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position)) && text.charAt(position) < 128) {
            position++;
        }
        return position - start;
    }

    private void literal(String word) {
        if (!text.startsWith(word, position)) {
            throw fail("expected value");
        }
        position += word.length();
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw fail(position >= text.length() ? "EOF while parsing" : "expected `" + c + "`");
        }
        position++;
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void whitespace() {
        while (position < text.length() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(what + " at character " + (position + 1));
    }
}
