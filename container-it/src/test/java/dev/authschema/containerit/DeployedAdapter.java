package dev.authschema.containerit;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.codegen.harness.KitSubject;
import dev.authschema.codegen.harness.SchemaInspector;
import dev.authschema.codegen.harness.SchemaKitProfile;
import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The deployed generated adapter as the kit's subject, inside the server: the adapter is the one CDI injects (the
 * generated producer over {@code ContainerJpaWork}), the rows are read over the server's data source, and the
 * tables come from the generated DDL layout on the first use.
 */
final class DeployedAdapter implements KitSubject {

    /** Where the deployment holds the schema text its adapter was generated from. */
    static final String SCHEMA_RESOURCE = "container-it/auth.prisma";

    private static SchemaState schema;

    private final AuthAdapter adapter;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagers;

    private record SchemaState(SchemaKitProfile profile, ResolvedSchema resolved, Dialect dialect) {}

    DeployedAdapter(AuthAdapter adapter, DeployedResources resources) {
        this.adapter = adapter;
        this.dataSource = resources.dataSource();
        this.entityManagers = resources.entityManagers();
        synchronized (DeployedAdapter.class) {
            if (schema == null) {
                ResolvedSchema resolved = compile();
                SchemaSynchronizer.fromClassPath(DeployedAdapter.class.getClassLoader())
                        .synchronize(dataSource);
                schema = new SchemaState(new SchemaKitProfile(resolved), resolved, dialect(dataSource));
            }
        }
    }

    @Override
    public AuthAdapter adapter() {
        return adapter;
    }

    @Override
    public DatabaseInspector inspector() {
        return new SchemaInspector(schema.resolved(), schema.dialect(), dataSource::getConnection);
    }

    @Override
    public SchemaKitProfile profile() {
        return schema.profile();
    }

    @Override
    public void clean() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            schema.profile().deleteAllRows(connection, schema.dialect());
        }
        entityManagers.getCache().evictAll();
    }

    private static ResolvedSchema compile() {
        try (InputStream in = DeployedAdapter.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the deployment has no " + SCHEMA_RESOURCE);
            }
            CompileResult result =
                    SchemaCompiler.compile(SCHEMA_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return result.schema().orElseThrow(() -> new IllegalStateException(result.render()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dialect dialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "Apache Derby" -> Dialect.DERBY;
                case "PostgreSQL" -> Dialect.POSTGRESQL;
                default -> throw new IllegalStateException("no dialect for the database " + product);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the deployment's data source: " + e.getMessage(), e);
        }
    }
}
