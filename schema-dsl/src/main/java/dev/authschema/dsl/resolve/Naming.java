package dev.authschema.dsl.resolve;

import java.util.Locale;

/** How table and column names are derived when no {@code @map} / {@code @@map} gives one. */
public enum Naming {
    /** The model or field name as written: {@code emailVerified}. */
    PRESERVE("preserve"),
    /** {@code emailVerified} becomes {@code email_verified}, {@code LoginSession} becomes {@code login_session}. */
    SNAKE_CASE("snake_case");

    private final String schemaName;

    Naming(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }

    public String apply(String name) {
        return this == PRESERVE ? name : snakeCase(name);
    }

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower =
                        i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean beforeLower = i > 0
                        && i + 1 < name.length()
                        && Character.isUpperCase(name.charAt(i - 1))
                        && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || beforeLower) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
