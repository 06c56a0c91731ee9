package dev.authschema.codegen;

import java.util.Set;
import javax.lang.model.SourceVersion;

/** Java names for schema names: {@code refresh_token} becomes the property {@code refreshToken}. */
public final class JavaNames {

    /** Names the compiler restricts in places a field name does not reach, kept out of generated names all the same. */
    private static final Set<String> RESTRICTED = Set.of("var", "record", "yield", "sealed", "permits");

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
        return SourceVersion.isKeyword(name) || RESTRICTED.contains(name) ? name + "_" : name;
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
