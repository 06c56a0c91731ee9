package dev.authschema.codegen;

import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The sample schemas the generator is tested on, with the Java package each one's code is generated into. */
public enum Samples {
    V3_LEGACY("authjs-v3-legacy.prisma", "com.example.legacy"),
    CURRENT("authjs-current.prisma", "com.example.current"),
    CUSTOM("custom-models.prisma", "com.example.club.auth"),
    /** Not one of the shared samples: the optional RateLimit role, mapped to a model with its own names. */
    RATE_LIMITS("rate-limits.prisma", "com.example.throttled"),
    /** {@code Unsupported("...")} columns: a column of that type, no property. */
    UNSUPPORTED_TYPES("unsupported-types.prisma", "com.example.places", TestDatabase.Kind.POSTGRESQL),
    /** {@code @@fulltext}: MySQL's and MariaDB's full-text indexes (the other scripts have none). */
    FULLTEXT("fulltext.prisma", "com.example.articles"),
    /** Implicit many-to-many relations: Prisma's join tables, {@code @ManyToMany} in the entities. */
    MANY_TO_MANY("many-to-many.prisma", "com.example.tagging"),
    /** {@code relationMode = "prisma"}: no foreign keys in the DDL, the relations mapped in the entities. */
    RELATION_MODE("relation-mode.prisma", "com.example.planetscale"),
    /** {@code sort} and {@code length} on keys: prefixes on MySQL and MariaDB, DESC where a key takes it. */
    KEY_OPTIONS("key-options.prisma", "com.example.pages"),
    /** PostgreSQL {@code extensions}: {@code CREATE EXTENSION IF NOT EXISTS} in the PostgreSQL script. */
    EXTENSIONS("extensions.prisma", "com.example.extended"),
    /** Not one of the shared samples either: the User model's optional passwordHash, under snake_case naming. */
    PASSWORDS("passwords.prisma", "com.example.passwords"),
    /** The demo app's own schema (demo-war/src/main/authschema/auth.prisma, copied in by the build). */
    DEMO("demo/auth.prisma", "dev.authschema.demo.auth", "demo");

    public final String file;
    public final String packageName;
    private final String directory;
    /** The test databases its DDL runs on: all, unless it uses types of one database only. */
    private final Set<TestDatabase.Kind> databases;

    Samples(String file, String packageName) {
        this(file, packageName, file.substring(0, file.length() - ".prisma".length()));
    }

    Samples(String file, String packageName, TestDatabase.Kind first, TestDatabase.Kind... others) {
        this(file, packageName, file.substring(0, file.length() - ".prisma".length()), EnumSet.of(first, others));
    }

    Samples(String file, String packageName, String directory) {
        this(file, packageName, directory, EnumSet.allOf(TestDatabase.Kind.class));
    }

    Samples(String file, String packageName, String directory, Set<TestDatabase.Kind> databases) {
        this.file = file;
        this.packageName = packageName;
        this.directory = directory;
        this.databases = databases;
    }

    /** Whether the sample's DDL runs on the test database (its {@code Unsupported(...)} types exist there). */
    public boolean runsOn(TestDatabase.Kind kind) {
        return databases.contains(kind);
    }

    public String text() {
        try (InputStream in = Samples.class.getResourceAsStream("/schemas/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ResolvedSchema schema() {
        CompileResult result = SchemaCompiler.compile(file, text());
        return result.schema().orElseThrow(() -> new IllegalStateException(result.render()));
    }

    public List<GeneratedFile> javaSources() {
        return CodeGenerator.javaSources(schema(), packageName);
    }

    /** The directory name of the sample's golden files. */
    public String directory() {
        return directory;
    }
}
