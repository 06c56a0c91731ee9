package dev.authschema.dsl.resolve;

/**
 * The options of the {@code authschema-jpa} generator block.
 *
 * @param packageName the Java package of the generated code, or null to let the build decide
 * @param tablePrefix prepended to every table name, like TypeORM's {@code entityPrefix} ("" for none)
 */
public record GeneratorOptions(String packageName, String tablePrefix, Naming naming) {

    public static final String PROVIDER = "authschema-jpa";

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(null, "", Naming.PRESERVE);
    }
}
