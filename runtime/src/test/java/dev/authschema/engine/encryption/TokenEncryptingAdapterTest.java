package dev.authschema.engine.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class TokenEncryptingAdapterTest {

    private static final String SECRET = "adapter-secret-Vq8Lm2Xc5Rt1Zp7Kd4Hs9Bn3Wf6";

    private final InMemoryAdapter store = new InMemoryAdapter();
    private final AuthAdapter adapter = TokenEncryptingAdapter.wrap(store, List.of(SECRET));

    private AdapterAccount linked() {
        adapter.createUser(AdapterUser.of("u1", "Ann", "ann@example.com", null, null));
        return adapter.linkAccount(new AdapterAccount(
                "u1",
                "oidc",
                "mock",
                "pa-1",
                "refresh-1",
                "access-1",
                1_900_000_000L,
                "bearer",
                "openid",
                "eyJ.id-1",
                "state-1",
                Map.of()));
    }

    @Test
    void the_store_holds_ciphertext_and_every_read_gives_the_plain_tokens() {
        AdapterAccount account = linked();

        AdapterAccount row = store.accounts.get("mock/pa-1");
        assertThat(List.of(row.accessToken(), row.refreshToken(), row.idToken()))
                .allSatisfy(value -> assertThat(value).startsWith(TokenCipher.PREFIX));
        assertThat(row.toString() + row.accessToken() + row.refreshToken() + row.idToken())
                .doesNotContain("access-1", "refresh-1", "id-1");
        assertThat(row.expiresAt()).isEqualTo(1_900_000_000L);
        assertThat(row.scope()).isEqualTo("openid");

        assertThat(account.accessToken()).isEqualTo("access-1");
        assertThat(adapter.getAccount("pa-1", "mock").orElseThrow()).isEqualTo(account);
        assertThat(adapter.listAccountsByUserId("u1")).containsExactly(account);
    }

    @Test
    void an_update_sees_plain_tokens_and_stores_the_new_ones_encrypted() {
        linked();

        AdapterAccount updated = adapter.updateAccount("mock", "pa-1", stored -> {
            assertThat(stored.refreshToken()).isEqualTo("refresh-1");
            return new AdapterAccount(
                    stored.userId(),
                    stored.type(),
                    stored.provider(),
                    stored.providerAccountId(),
                    "refresh-2",
                    "access-2",
                    1_900_003_600L,
                    "bearer",
                    "openid",
                    stored.idToken(),
                    null,
                    Map.of());
        });

        assertThat(updated.refreshToken()).isEqualTo("refresh-2");
        assertThat(store.accounts.get("mock/pa-1").refreshToken())
                .startsWith(TokenCipher.PREFIX)
                .doesNotContain("refresh-2");
        assertThat(adapter.getAccount("pa-1", "mock").orElseThrow().accessToken())
                .isEqualTo("access-2");
    }

    @Test
    void an_update_that_changes_nothing_keeps_the_stored_ciphertexts() {
        linked();
        AdapterAccount before = store.accounts.get("mock/pa-1");

        adapter.updateAccount("mock", "pa-1", stored -> stored);

        assertThat(store.accounts.get("mock/pa-1")).isEqualTo(before);
    }

    @Test
    void a_tampered_token_is_read_as_absent_and_logged_without_its_content() {
        linked();
        AdapterAccount row = store.accounts.get("mock/pa-1");
        String swapped = row.refreshToken(); // another column's ciphertext: a valid one, in the wrong place
        store.accounts.put(
                "mock/pa-1",
                new AdapterAccount(
                        row.userId(),
                        row.type(),
                        row.provider(),
                        row.providerAccountId(),
                        row.refreshToken(),
                        swapped,
                        row.expiresAt(),
                        row.tokenType(),
                        row.scope(),
                        row.idToken() + "x",
                        row.sessionState(),
                        row.extras()));
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(TokenEncryptingAdapter.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            AdapterAccount read = adapter.getAccount("pa-1", "mock").orElseThrow();

            assertThat(read.accessToken()).isNull();
            assertThat(read.idToken()).isNull();
            assertThat(read.refreshToken()).isEqualTo("refresh-1");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(records)
                .extracting(LogRecord::getMessage)
                .hasSize(2)
                .allSatisfy(message -> assertThat(message)
                        .contains("could not be decrypted", "'mock'")
                        .doesNotContain(swapped, "pa-1", "access-1", "refresh-1"));
    }

    @Test
    void the_wrapper_keeps_the_bulk_deletes_of_the_wrapped_adapter() {
        assertThat(adapter).isInstanceOf(AdapterMaintenance.class);
        assertThat(adapter.capabilities()).isEqualTo(store.capabilities());
    }
}
