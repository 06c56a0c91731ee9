package dev.authschema.bench.adapter;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.codegen.CodeGenerator;
import dev.authschema.codegen.GeneratedFile;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.InMemoryCompiler;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The generated adapter of the current Auth.js schema ({@code schemas/authjs-current.prisma} of the generator's
 * tests), compiled and running on a fresh PostgreSQL schema of its own, with rows that both the generated adapter
 * and the hand-written JDBC read.
 */
public final class AuthjsOnPostgres implements AutoCloseable {

    /** Where the generated classes go. */
    public static final String PACKAGE = "dev.authschema.bench.generated";

    private static final String SCHEMA = "schemas/authjs-current.prisma";

    private final GeneratedAdapterHarness harness;
    private int users;

    private AuthjsOnPostgres(GeneratedAdapterHarness harness) {
        this.harness = harness;
    }

    /** Generates and compiles the adapter and applies its DDL to a new PostgreSQL schema on 127.0.0.1:5432. */
    public static AuthjsOnPostgres start() {
        return new AuthjsOnPostgres(GeneratedAdapterHarness.start(schema(), PACKAGE, TestDatabase.Kind.POSTGRESQL));
    }

    /** The same, with the adapter's JPQL as {@code @NamedQuery} on the user entity ({@link NamedQueryVariant}). */
    public static AuthjsOnPostgres startWithNamedQueries() {
        ResolvedSchema schema = schema();
        try {
            List<GeneratedFile> sources = NamedQueryVariant.of(CodeGenerator.javaSources(schema, PACKAGE), "User");
            URLClassLoader classes = InMemoryCompiler.compile(sources, Files.createTempDirectory("authschema-named"));
            return new AuthjsOnPostgres(
                    GeneratedAdapterHarness.start(schema, PACKAGE, TestDatabase.Kind.POSTGRESQL, classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResolvedSchema schema() {
        CompileResult compiled = SchemaCompiler.compile(SCHEMA, resource(SCHEMA));
        if (compiled.hasErrors()) {
            throw new IllegalStateException(compiled.render());
        }
        return compiled.schema().orElseThrow();
    }

    private static String resource(String name) {
        try (InputStream in = AuthjsOnPostgres.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        name + " is not on the class path (it comes with authschema-maven-plugin:tests)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AuthAdapter adapter() {
        return harness.adapter();
    }

    /** A new connection to the same schema, in auto-commit mode. */
    public Connection connect() throws SQLException {
        return harness.database().connect();
    }

    /** A table or column name quoted as the generated DDL quotes it. */
    public String name(String identifier) {
        return harness.database().dialect().identifier(identifier);
    }

    public Dialect dialect() {
        return harness.database().dialect();
    }

    /** How many users {@link #fill(int)} wrote. */
    public int users() {
        return users;
    }

    /**
     * Writes {@code count} users, each with one GitHub account ({@link #providerAccountId(int)}) and one session
     * ({@link #sessionToken(int)}) valid for 30 days, in batches, then has PostgreSQL analyze the tables.
     */
    public void fill(int count) throws SQLException {
        LocalDateTime now = utc(Instant.now());
        LocalDateTime expires = utc(Instant.now().plus(Duration.ofDays(30)));
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement(
                            "INSERT INTO " + name("User")
                                    + " (id, name, email, emailVerified, image, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement account = connection.prepareStatement("INSERT INTO " + name("Account")
                            + " (userId, type, provider, providerAccountId, access_token, expires_at, token_type, scope, createdAt, updatedAt)"
                            + " VALUES (?, 'oauth', 'github', ?, ?, ?, 'bearer', 'read:user', ?, ?)");
                    PreparedStatement session = connection.prepareStatement("INSERT INTO " + name("Session")
                            + " (sessionToken, userId, expires, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = userId(i);
                    user.setString(1, id);
                    user.setString(2, "User " + i);
                    user.setString(3, String.format(Locale.ROOT, "user%05d@example.com", i));
                    user.setObject(4, now);
                    user.setString(5, "https://example.com/avatars/" + i + ".png");
                    user.setObject(6, now);
                    user.setObject(7, now);
                    user.addBatch();
                    account.setString(1, id);
                    account.setString(2, providerAccountId(i));
                    account.setString(3, "gho_" + i);
                    account.setInt(4, 1_900_000_000);
                    account.setObject(5, now);
                    account.setObject(6, now);
                    account.addBatch();
                    session.setString(1, sessionToken(i));
                    session.setString(2, id);
                    session.setObject(3, expires);
                    session.setObject(4, now);
                    session.setObject(5, now);
                    session.addBatch();
                    if (i % 1000 == 999 || i == count - 1) {
                        user.executeBatch();
                        account.executeBatch();
                        session.executeBatch();
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (var analyze = connection.createStatement()) {
                for (String table : new String[] {"User", "Account", "Session", "VerificationToken"}) {
                    analyze.execute("ANALYZE " + name(table));
                }
            }
        }
        users = count;
    }

    public static String userId(int i) {
        return String.format(Locale.ROOT, "user-%05d", i);
    }

    public static String providerAccountId(int i) {
        return String.format(Locale.ROOT, "gh-%05d", i);
    }

    public static String sessionToken(int i) {
        return String.format(Locale.ROOT, "session-token-%05d-0123456789abcdef0123456789abcdef", i);
    }

    /** A timestamp column's value for an instant, as the generated converter stores it (UTC, milliseconds). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    /** Stops EclipseLink and drops the schema. */
    @Override
    public void close() {
        try {
            harness.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot drop the benchmark schema: " + e.getMessage(), e);
        }
    }
}
