package dev.authschema.database;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One column line of a {@code CREATE TABLE}: its name and the rest ({@code VARCHAR(191) DEFAULT 'x' NOT NULL}).
 *
 * @param name       the column
 * @param definition type, default and nullability, as written
 */
record ColumnDefinition(SqlName name, String definition) {

    private static final Pattern TRAILING_NOT_NULL = Pattern.compile("(?i)(^|\\s)NOT\\s+NULL$");

    /** Whether the column rejects nulls. */
    boolean notNull() {
        return TRAILING_NOT_NULL.matcher(outsideLiterals()).find();
    }

    /** Whether the database fills the column by itself on existing rows: a default, or an identity / auto-increment. */
    boolean filledByDatabase() {
        String text = " " + outsideLiterals() + " ";
        return text.contains(" DEFAULT ") || text.contains(" AUTO_INCREMENT ") || text.contains(" IDENTITY") || text.contains(" GENERATED ");
    }

    /** The definition without its trailing {@code NOT NULL}. */
    String nullableDefinition() {
        if (!notNull()) {
            return definition;
        }
        // The trailing NOT NULL lies outside any literal, so it ends the definition as written too.
        return TRAILING_NOT_NULL.matcher(definition.strip()).replaceFirst("").stripTrailing();
    }

    /** Upper case, with string literals blanked so a default of {@code 'NOT NULL'} does not count. */
    private String outsideLiterals() {
        return definition.replaceAll("'(?:[^']|'')*'", "''").toUpperCase(Locale.ROOT).strip();
    }
}
