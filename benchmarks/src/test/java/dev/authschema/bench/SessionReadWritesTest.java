package dev.authschema.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.bench.adapter.AuthjsOnPostgres;
import dev.authschema.bench.jdbc.CountingDriver;
import dev.authschema.bench.jdbc.SqlLog;
import dev.authschema.engine.http.CookieSpec;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.session.DatabaseSessionStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database session read inside {@code updateAge} writes nothing; the first read after it extends the session with
 * exactly one UPDATE. The engine's session store runs over the generated adapter on PostgreSQL, with a clock the test
 * moves, behind a driver that records every statement.
 */
class SessionReadWritesTest {

    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Duration UPDATE_AGE = Duration.ofHours(24);
    private static final int READS = 50;

    private static SqlLog sql;
    private static AuthjsOnPostgres database;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));

    @BeforeAll
    static void start() throws SQLException {
        sql = CountingDriver.installForPostgresql();
        database = AuthjsOnPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void reads_inside_update_age_write_nothing_and_the_first_read_after_it_one_update() {
        DatabaseSessionStore store = new DatabaseSessionStore(
                database.adapter(), MAX_AGE, UPDATE_AGE, clock, HttpExchange::secure, new FlowLog(false));
        AdapterUser user = database.adapter().createUser(AdapterUser.of(null, "Ann", "ann@example.com", null, null));
        Exchange signIn = new Exchange(Map.of());
        store.start(signIn, user, null);
        Map<String, String> browser = signIn.cookiesAfter();

        sql.clear();
        for (int i = 0; i < READS; i++) {
            clock.advance(Duration.ofMinutes(20)); // 50 x 20 min = 16 h 40 min, inside updateAge
            assertThat(store.read(new Exchange(browser)))
                    .map(s -> s.user().email())
                    .contains("ann@example.com");
        }
        assertThat(sql.writes())
                .as("writes during %d reads inside updateAge", READS)
                .isEmpty();
        assertThat(sql.roundTrips())
                .as("round trips of %d reads: %s", READS, sql.entries())
                .isEqualTo(READS);

        clock.advance(Duration.ofHours(8)); // 24 h 40 min after sign-in
        sql.clear();
        Optional<AuthSession> extended = store.read(new Exchange(browser));
        assertThat(extended).map(AuthSession::expires).contains(clock.instant().plus(MAX_AGE));
        assertThat(sql.writes())
                .as("writes of the first read after updateAge")
                .singleElement()
                .asString()
                .startsWith("UPDATE")
                .contains(database.name("Session"));

        sql.clear();
        for (int i = 0; i < READS; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(store.read(new Exchange(browser))).isPresent();
        }
        assertThat(sql.writes())
                .as("writes during %d reads inside the next updateAge", READS)
                .isEmpty();
    }

    /** A GET request carrying the browser's cookies; remembers the cookies the response sets. */
    private static final class Exchange implements HttpExchange {

        private final Map<String, String> cookies;
        private final Map<String, String> set = new HashMap<>();

        Exchange(Map<String, String> cookies) {
            this.cookies = cookies;
        }

        Map<String, String> cookiesAfter() {
            Map<String, String> after = new HashMap<>(cookies);
            after.putAll(set);
            return Map.copyOf(after);
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public Optional<String> cookie(String name) {
            return Optional.ofNullable(cookies.get(name));
        }

        @Override
        public String parameter(String name) {
            return null;
        }

        @Override
        public String header(String name) {
            return null;
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public String baseUrl() {
            return "http://localhost:8080";
        }

        @Override
        public void addCookie(CookieSpec cookie) {
            set.put(cookie.name(), cookie.value());
        }
    }

    /** A clock that only the test moves. */
    private static final class TestClock extends Clock {

        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
