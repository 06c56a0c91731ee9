package dev.authschema.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSessionStoreTest {

    private static final String COOKIE = AuthCookies.SESSION_TOKEN;
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final MutableClock clock = new MutableClock(START);
    private final DatabaseSessionStore store = new DatabaseSessionStore(
            adapter, Duration.ofDays(30), Duration.ofHours(24), clock, HttpExchange::secure, new FlowLog(false));
    private final AdapterUser user =
            adapter.createUser(new AdapterUser(null, "Ann", "ann@example.com", null, null, Map.of("role", "admin")));

    private Map<String, String> signIn() {
        FakeExchange exchange = FakeExchange.post(Map.of());
        store.start(exchange, user, null);
        return exchange.browser();
    }

    @Test
    void sign_in_stores_a_random_token_and_sets_the_cookie() {
        Map<String, String> browser = signIn();

        String token = browser.get(COOKIE);
        assertThat(token).hasSize(43);
        assertThat(adapter.sessions.get(token).expires()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(adapter.sessions.get(token).userId()).isEqualTo(user.id());
    }

    @Test
    void a_read_within_update_age_writes_nothing() {
        Map<String, String> browser = signIn();
        int writes = adapter.sessionWrites.get();
        clock.advance(Duration.ofHours(23));

        FakeExchange read = FakeExchange.get(browser);
        Optional<AuthSession> session = store.read(read);

        assertThat(session).map(s -> s.user().email()).contains("ann@example.com");
        assertThat(session.get().user().attributes()).containsEntry("role", "admin");
        assertThat(adapter.sessionWrites.get()).isEqualTo(writes);
        assertThat(read.setCookies()).isEmpty();
    }

    @Test
    void a_read_after_update_age_extends_the_session_once() {
        Map<String, String> browser = signIn();
        clock.advance(Duration.ofHours(25));
        int writes = adapter.sessionWrites.get();

        FakeExchange first = FakeExchange.get(browser);
        assertThat(store.read(first))
                .map(AuthSession::expires)
                .contains(clock.instant().plus(Duration.ofDays(30)));
        assertThat(adapter.sessionWrites.get()).isEqualTo(writes + 1);
        assertThat(first.setCookie(COOKIE)).isPresent();

        clock.advance(Duration.ofHours(1));
        store.read(FakeExchange.get(browser));
        assertThat(adapter.sessionWrites.get()).isEqualTo(writes + 1);
    }

    @Test
    void an_expired_session_is_deleted_on_read_and_the_caller_is_anonymous() {
        Map<String, String> browser = signIn();
        String token = browser.get(COOKIE);
        clock.advance(Duration.ofDays(30));

        FakeExchange read = FakeExchange.get(browser);
        assertThat(store.read(read)).isEmpty();
        assertThat(adapter.sessions).doesNotContainKey(token);
        assertThat(read.browser()).doesNotContainKey(COOKIE);
    }

    @Test
    void an_unknown_token_is_anonymous_and_cleared() {
        FakeExchange read = FakeExchange.get(Map.of(COOKIE, "forged"));

        assertThat(store.read(read)).isEmpty();
        assertThat(read.browser()).doesNotContainKey(COOKIE);
    }

    @Test
    void no_cookie_means_anonymous_without_a_database_call() {
        assertThat(store.read(FakeExchange.get(Map.of()))).isEmpty();
    }

    @Test
    void sign_in_always_issues_a_new_token_and_ends_the_old_one() {
        Map<String, String> planted = signIn();
        String old = planted.get(COOKIE);

        FakeExchange again = FakeExchange.post(planted);
        store.start(again, user, null);

        assertThat(again.browser().get(COOKIE)).isNotEqualTo(old);
        assertThat(adapter.sessions).doesNotContainKey(old);
    }

    @Test
    void sign_out_deletes_the_session_and_clears_the_cookie() {
        Map<String, String> browser = signIn();
        FakeExchange out = FakeExchange.post(browser);

        assertThat(store.end(out)).contains(user.id());
        assertThat(adapter.sessions).isEmpty();
        assertThat(out.browser()).doesNotContainKey(COOKIE);
        assertThat(store.end(FakeExchange.post(Map.of()))).isEmpty();
    }

    @Test
    void sign_out_everywhere_else_keeps_only_the_current_session() {
        Map<String, String> laptop = signIn();
        signIn();
        signIn();
        adapter.createSession(AdapterSession.of("someone-else", "other-user", START.plus(Duration.ofDays(1))));

        assertThat(store.endOtherSessions(FakeExchange.post(laptop))).isEqualTo(2);
        assertThat(adapter.sessions).containsOnlyKeys(laptop.get(COOKIE), "someone-else");
    }

    @Test
    void sign_out_everywhere_else_without_maintenance_support_says_what_is_missing() {
        InMemoryAdapter plain = new InMemoryAdapter();
        DatabaseSessionStore limited = new DatabaseSessionStore(
                new dev.authschema.adapter.AuthAdapter() {
                    @Override
                    public java.util.Set<dev.authschema.adapter.AdapterCapability> capabilities() {
                        return plain.capabilities();
                    }

                    @Override
                    public AdapterUser createUser(AdapterUser u) {
                        return plain.createUser(u);
                    }

                    @Override
                    public Optional<AdapterUser> getUser(String id) {
                        return plain.getUser(id);
                    }

                    @Override
                    public Optional<AdapterUser> getUserByEmail(String email) {
                        return plain.getUserByEmail(email);
                    }

                    @Override
                    public AdapterUser updateUser(dev.authschema.adapter.UserUpdate update) {
                        return plain.updateUser(update);
                    }

                    @Override
                    public void deleteUser(String id) {
                        plain.deleteUser(id);
                    }
                },
                Duration.ofDays(1),
                Duration.ZERO,
                clock,
                HttpExchange::secure,
                new FlowLog(false));

        assertThatThrownBy(() -> limited.endOtherSessions(FakeExchange.post(Map.of())))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("AdapterMaintenance");
    }

    @Test
    void https_requests_use_the_secure_cookie_name() {
        FakeExchange exchange = new FakeExchange("POST", Map.of(), true, "https://example.com");
        store.start(exchange, user, null);

        assertThat(exchange.setCookie("__Secure-" + COOKIE))
                .hasValueSatisfying(c -> assertThat(c.secure()).isTrue());
    }
}
