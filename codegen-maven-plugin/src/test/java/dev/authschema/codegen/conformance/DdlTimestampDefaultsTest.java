package dev.authschema.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code @default(now())} column that a row leaves to the database holds the current UTC time, whatever the zone of
 * the JVM and of the database session (the build runs this class on Los Angeles time, with MariaDB sessions on +05:30).
 * The v3 sample's {@code users.created_at} is such a column; the adapter reads it back as the extra {@code createdAt}.
 */
class DdlTimestampDefaultsTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = "DERBY", mode = EnumSource.Mode.EXCLUDE)
    void a_row_inserted_without_the_column_gets_the_current_utc_time(TestDatabase.Kind kind) throws Exception {
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(Samples.V3_LEGACY.schema(), Samples.V3_LEGACY.packageName, kind)) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String id;
            try (Connection connection = harness.database().connect();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO users (name) VALUES ('inserted by SQL')");
                try (ResultSet row =
                        statement.executeQuery("SELECT id, created_at FROM users WHERE name = 'inserted by SQL'")) {
                    assertThat(row.next()).isTrue();
                    id = row.getString(1);
                    Timestamp createdAt =
                            row.getTimestamp(2, Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC)));
                    assertThat(createdAt.toInstant())
                            .as("created_at read as UTC")
                            .isCloseTo(before, within(1, ChronoUnit.MINUTES));
                }
            }
            AdapterUser user = harness.adapter().getUser(id).orElseThrow();
            assertThat((Instant) user.extras().get("createdAt"))
                    .as("createdAt through the adapter")
                    .isCloseTo(before, within(1, ChronoUnit.MINUTES));
        }
    }

    /** Derby's CURRENT_TIMESTAMP is the JVM's local time, so Derby's DDL has no default and the entity fills the column. */
    @Test
    void on_derby_the_entity_supplies_the_time() throws Exception {
        assertThat(DdlGenerator.generate(Samples.V3_LEGACY.schema(), Dialect.DERBY))
                .doesNotContain("DEFAULT CURRENT_TIMESTAMP");
        try (GeneratedAdapterHarness harness = GeneratedAdapterHarness.start(
                Samples.V3_LEGACY.schema(), Samples.V3_LEGACY.packageName, TestDatabase.Kind.DERBY)) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            AdapterUser user =
                    harness.adapter().createUser(new AdapterUser(null, "by the adapter", null, null, null, Map.of()));
            try (Connection connection = harness.database().connect();
                    PreparedStatement select =
                            connection.prepareStatement("SELECT created_at FROM users WHERE id = ?")) {
                select.setInt(1, Integer.parseInt(user.id()));
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    Timestamp createdAt =
                            row.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC)));
                    assertThat(createdAt.toInstant()).isCloseTo(before, within(1, ChronoUnit.MINUTES));
                }
            }
        }
    }
}
