package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.contract.ddl.DdlLayout;
import dev.authschema.database.DatabaseUrl;
import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application upgrades its schema: version 1 is live with rows, version 2 adds fields (nullable,
 * required with a default, required without one), an index and a model, and drops a field. The
 * synchronizer brings the database to version 2 without losing a row, a value, a column, an index or
 * a key, and the version 2 adapter works on the result.
 */
class SchemaUpgradeTest {

    static final String HEADER = """
            generator jpa {
              provider    = "authschema-jpa"
              package     = "com.example.upgrade"
              tablePrefix = "up_"
              naming      = "snake_case"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            """;

    static final String ACCOUNT_AND_TOKEN = """
            model Account {
              id                String  @id @default(cuid())
              userId            String
              type              String
              provider          String
              providerAccountId String
              refresh_token     String?
              access_token      String?
              expires_at        Int?
              token_type        String?
              scope             String?
              id_token          String?
              session_state     String?
              user              User    @relation(fields: [userId], references: [id], onDelete: Cascade)

              @@unique([provider, providerAccountId])
              @@index([userId])
              @@map("accounts")
            }

            model VerificationToken {
              identifier String
              token      String   @unique
              expires    DateTime

              @@unique([identifier, token])
              @@map("verification_tokens")
            }
            """;

    static final String V1 = HEADER + ACCOUNT_AND_TOKEN + """
            model User {
              id            String    @id @default(cuid())
              name          String?
              email         String?   @unique
              emailVerified DateTime?
              image         String?
              legacyCode    String?
              accounts      Account[]
              sessions      Session[]

              @@map("users")
            }

            model Session {
              id           String   @id @default(cuid())
              sessionToken String   @unique
              userId       String
              expires      DateTime
              user         User     @relation(fields: [userId], references: [id], onDelete: Cascade)

              @@map("sessions")
            }
            """;

    /** legacyCode is gone; nickname (nullable), tier and loginCount (required, defaulted), updatedAt (required, no default), an index and AuditEntry are new. */
    static final String V2 = HEADER + ACCOUNT_AND_TOKEN + """
            model User {
              id            String       @id @default(cuid())
              name          String?
              email         String?      @unique
              emailVerified DateTime?
              image         String?
              nickname      String?
              tier          String       @default("free")
              loginCount    Int          @default(0)
              accounts      Account[]
              sessions      Session[]
              audits        AuditEntry[]

              @@index([name])
              @@map("users")
            }

            model Session {
              id           String   @id @default(cuid())
              sessionToken String   @unique
              userId       String
              expires      DateTime
              userAgent    String?
              updatedAt    DateTime @updatedAt
              user         User     @relation(fields: [userId], references: [id], onDelete: Cascade)

              @@map("sessions")
            }

            model AuditEntry {
              id     String   @id @default(cuid())
              userId String
              at     DateTime @default(now())
              user   User     @relation(fields: [userId], references: [id], onDelete: Cascade)

              @@index([userId])
              @@map("audit_entries")
            }
            """;

    static final Instant VERIFIED = Instant.parse("2024-05-06T07:08:09.123Z");
    static final Instant EXPIRES = Instant.parse("2031-01-02T03:04:05.678Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = TestDatabase.Kind.class,
            names = {"DERBY", "POSTGRESQL", "MARIADB"})
    void every_row_value_column_index_and_key_survives_and_the_new_schema_is_there(TestDatabase.Kind kind)
            throws Exception {
        ResolvedSchema v1 = compile("v1.prisma", V1);
        ResolvedSchema v2 = compile("v2.prisma", V2);
        try (TestDatabase database = TestDatabase.create(kind)) {
            DatabaseUrl url = ConnectionStrings.of(database);
            DdlLayout v2Layout = DdlGenerator.layout(v2, database.dialect());
            Map<String, List<Map<String, String>>> before;
            SchemaSnapshot shapeBefore;
            SynchronizationReport report;
            try (Connection connection = url.connect()) {
                SchemaSynchronizer.forLayout(DdlGenerator.layout(v1, database.dialect()))
                        .synchronize(connection);
                insertVersion1Rows(connection);
                before = allRows(connection);
                shapeBefore = SchemaSnapshot.of(connection);

                report = SchemaSynchronizer.forLayout(v2Layout).synchronize(connection);

                Map<String, List<Map<String, String>>> after = allRows(connection);
                SchemaSnapshot shapeAfter = SchemaSnapshot.of(connection);
                assertThat(shapeAfter.missingFrom(shapeBefore))
                        .as("nothing dropped or altered")
                        .isEmpty();
                before.forEach((table, rows) -> assertThat(project(after.get(table), rows))
                        .as("rows of " + table)
                        .isEqualTo(rows));
                assertThat(after.get("up_users"))
                        .extracting(row -> row.get("legacy_code"))
                        .containsExactly("L-1", null);
                assertThat(after.get("up_users"))
                        .extracting(row -> row.get("tier"))
                        .containsOnly("free");
                assertThat(after.get("up_users"))
                        .extracting(row -> row.get("login_count"))
                        .containsOnly("0");
                assertThat(after.get("up_users"))
                        .extracting(row -> row.get("nickname"))
                        .containsOnly((String) null);
                assertThat(after.get("up_sessions"))
                        .extracting(row -> row.get("updated_at"))
                        .containsOnly((String) null);
                assertThat(after).containsKey("up_audit_entries");
                assertThat(indexNames(shapeAfter, "up_users")).contains("up_users_name_idx");
                assertThat(indexNames(shapeAfter, "up_audit_entries")).contains("up_audit_entries_user_id_idx");
                assertThat(SchemaSnapshot.of(connection).tables().keySet()).hasSize(5);
            }

            assertThat(report.changes())
                    .containsExactly(
                            "Added column nickname in table up_users",
                            "Added column tier in table up_users",
                            "Added column login_count in table up_users",
                            "Added column user_agent in table up_sessions",
                            "Added column updated_at in table up_sessions",
                            "Created table up_audit_entries",
                            "Created index up_users_name_idx on up_users",
                            "Created index up_audit_entries_user_id_idx on up_audit_entries",
                            "Added foreign key up_audit_entries_user_id_fkey on up_audit_entries");
            assertThat(report.warnings())
                    .singleElement()
                    .asString()
                    .contains("updated_at in table up_sessions as nullable")
                    .contains("the table has rows");
            try (Connection connection = url.connect()) {
                assertThat(SchemaSynchronizer.forLayout(v2Layout)
                                .synchronize(connection)
                                .upToDate())
                        .isTrue();
            }

            try (SynchronizedAdapter running = SynchronizedAdapter.start(v2, "com.example.upgrade", url)) {
                version2AdapterServesTheOldRows(running.adapter());
            }
        }
    }

    private static void version2AdapterServesTheOldRows(AuthAdapter adapter) {
        AdapterUser ada = adapter.getUser("u1").orElseThrow();
        assertThat(ada.name()).isEqualTo("Ada");
        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(ada.emailVerified()).isEqualTo(VERIFIED);
        assertThat(ada.extras())
                .containsEntry("tier", "free")
                .containsEntry("loginCount", 0)
                .containsEntry("nickname", null);
        assertThat(adapter.getUserByAccount("github", "gh-1"))
                .map(AdapterUser::id)
                .contains("u1");
        Optional<SessionAndUser> session = adapter.getSessionAndUser("token-1");
        assertThat(session).map(s -> s.user().id()).contains("u1");
        assertThat(session).map(s -> s.session().expires()).contains(EXPIRES);

        AdapterUser grace = adapter.createUser(new AdapterUser(
                null,
                "Grace",
                "grace@example.com",
                null,
                null,
                Map.of("nickname", "gh", "tier", "pro", "loginCount", 3)));
        assertThat(adapter.getUser(grace.id()).orElseThrow().extras())
                .containsEntry("nickname", "gh")
                .containsEntry("tier", "pro")
                .containsEntry("loginCount", 3);
        adapter.createSession(AdapterSession.of("token-2", grace.id(), EXPIRES));
        assertThat(adapter.getSessionAndUser("token-2"))
                .map(s -> s.user().email())
                .contains("grace@example.com");

        adapter.deleteUser("u1");
        assertThat(adapter.getUser("u1")).isEmpty();
        assertThat(adapter.getSessionAndUser("token-1"))
                .as("the old foreign key still cascades")
                .isEmpty();
        assertThat(adapter.getUserByAccount("github", "gh-1")).isEmpty();
    }

    private static ResolvedSchema compile(String name, String text) {
        CompileResult result = SchemaCompiler.compile(name, text);
        return result.schema().orElseThrow(() -> new IllegalStateException(result.render()));
    }

    /** Rows written by version 1, through plain JDBC as a running version 1 application would have. */
    private static void insertVersion1Rows(Connection connection) throws SQLException {
        insert(
                connection,
                "INSERT INTO up_users (id, name, email, email_verified, image, legacy_code) VALUES (?, ?, ?, ?, ?, ?)",
                "u1",
                "Ada",
                "ada@example.com",
                utc(VERIFIED),
                "https://example.com/ada.png",
                "L-1");
        insert(
                connection,
                "INSERT INTO up_users (id, name, email, email_verified, image, legacy_code) VALUES (?, ?, ?, ?, ?, ?)",
                "u2",
                null,
                null,
                null,
                null,
                null);
        insert(
                connection,
                "INSERT INTO up_accounts (id, user_id, type, provider, provider_account_id, access_token, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                "a1",
                "u1",
                "oauth",
                "github",
                "gh-1",
                "access",
                1_900_000_000);
        insert(
                connection,
                "INSERT INTO up_sessions (id, session_token, user_id, expires) VALUES (?, ?, ?, ?)",
                "s1",
                "token-1",
                "u1",
                utc(EXPIRES));
        insert(
                connection,
                "INSERT INTO up_verification_tokens (identifier, token, expires) VALUES (?, ?, ?)",
                "ada@example.com",
                "hashed",
                utc(EXPIRES));
    }

    /** A DateTime column holds the UTC date and time (the generated converter's rule). */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Every row of every table, as column (lower case) to its value as text, ordered by all columns. */
    private static Map<String, List<Map<String, String>>> allRows(Connection connection) throws SQLException {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        for (String table : SchemaSnapshot.of(connection).tables().keySet()) {
            String name = table.toLowerCase(Locale.ROOT);
            List<Map<String, String>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT * FROM " + name)) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), result.getString(i));
                    }
                    rows.add(row);
                }
            }
            rows.sort((a, b) -> a.toString().compareTo(b.toString()));
            tables.put(name, rows);
        }
        return tables;
    }

    /** The rows cut down to the columns the earlier rows had. */
    private static List<Map<String, String>> project(
            List<Map<String, String>> rows, List<Map<String, String>> earlier) {
        List<Map<String, String>> projected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : earlier.isEmpty()
                    ? List.<String>of()
                    : List.copyOf(earlier.get(0).keySet())) {
                row.put(column, rows.get(i).get(column));
            }
            projected.add(row);
        }
        projected.sort((a, b) -> a.toString().compareTo(b.toString()));
        return projected;
    }

    private static List<String> indexNames(SchemaSnapshot snapshot, String table) {
        return snapshot.tables().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(table))
                .flatMap(e -> e.getValue().indexes().stream())
                .map(i -> i.substring(0, i.indexOf('[')).toLowerCase(Locale.ROOT))
                .toList();
    }
}
