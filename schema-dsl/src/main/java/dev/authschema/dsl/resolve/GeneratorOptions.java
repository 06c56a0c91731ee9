package dev.authschema.dsl.resolve;

/**
 * The options of the {@code authschema-jpa} generator block.
 *
 * @param packageName     the Java package of the generated code, or null to let the build decide
 * @param tablePrefix     prepended to every table name, like TypeORM's {@code entityPrefix} ("" for none)
 * @param naming          how table and column names derive from model and field names where no {@code @map} says
 * @param persistenceUnit the name of the generated persistence unit ({@code authschema} by default)
 * @param dataSource      the JNDI name of its JTA data source ({@code jdbc/authschema} by default)
 */
public record GeneratorOptions(
        String packageName, String tablePrefix, Naming naming, String persistenceUnit, String dataSource) {

    public static final String PROVIDER = "authschema-jpa";

    /** The generated persistence unit's name unless the block says otherwise. */
    public static final String DEFAULT_PERSISTENCE_UNIT = "authschema";

    /** The JNDI name of the generated unit's data source unless the block says otherwise. */
    public static final String DEFAULT_DATA_SOURCE = "jdbc/authschema";

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(null, "", Naming.PRESERVE, DEFAULT_PERSISTENCE_UNIT, DEFAULT_DATA_SOURCE);
    }
}
