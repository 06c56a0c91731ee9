package dev.authschema.demo.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One generated DDL script ({@code META-INF/authschema/ddl/<dialect>.sql}, packaged by the code generator), split
 * into statements.
 *
 * @param dialect    the dialect name
 * @param statements the statements, without their terminating semicolons
 */
public record DdlScript(String dialect, List<String> statements) {

    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE\\s+\"?([A-Za-z0-9_]+)\"?",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param dialect a dialect: {@code derby}, {@code postgresql}, {@code mariadb}, {@code mysql}, {@code sqlserver}
     * @return the script packaged for it
     * @throws IllegalStateException when the WAR holds no script for that dialect
     */
    public static DdlScript load(String dialect) {
        String resource = "META-INF/authschema/ddl/" + dialect + ".sql";
        try (InputStream in = DdlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No generated DDL " + resource + " in the application");
            }
            return new DdlScript(dialect, split(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /**
     * @return the first table the script creates: when it exists, the schema is installed
     */
    public Optional<String> firstTable() {
        for (String statement : statements) {
            Matcher matcher = CREATE_TABLE.matcher(statement);
            if (matcher.find()) {
                return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
