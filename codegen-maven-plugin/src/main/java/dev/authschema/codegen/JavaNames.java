package dev.authschema.codegen;

import java.util.Set;

/** Java names for schema names: {@code refresh_token} becomes the property {@code refreshToken}. */
public final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "var",
            "record",
            "yield",
            "sealed",
            "permits",
            "_");

    private JavaNames() {}

    /** A field name as a Java property: snake_case to camelCase, keywords suffixed with {@code _}. */
    public static String property(String schemaName) {
        StringBuilder out = new StringBuilder(schemaName.length());
        boolean upper = false;
        for (int i = 0; i < schemaName.length(); i++) {
            char c = schemaName.charAt(i);
            if ((c == '_' || c == '-') && out.length() > 0) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = out.length() == 0 ? schemaName : out.toString();
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    public static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static String getter(String property) {
        return "get" + capitalize(property.endsWith("_") ? property.substring(0, property.length() - 1) : property);
    }

    public static String setter(String property) {
        return "set" + capitalize(property.endsWith("_") ? property.substring(0, property.length() - 1) : property);
    }
}
