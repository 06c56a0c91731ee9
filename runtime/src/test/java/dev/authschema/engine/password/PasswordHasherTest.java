package dev.authschema.engine.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.ratelimit.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashes_with_argon2id_and_the_owasp_parameters_in_a_phc_string_that_fits_the_column() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash.length()).isLessThanOrEqualTo(255);
        assertThat(hasher.hash("correct horse battery staple")).as("salted").isNotEqualTo(hash);
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void a_hash_with_other_parameters_still_verifies_and_asks_for_a_rehash() {
        String weak = new PasswordHasher(4096, 1, 1).hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery staple", weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash("$2a$10$abcdefghijklmnopqrstuv"))
                .as("another algorithm")
                .isTrue();
    }

    @Test
    void when_every_turn_is_taken_a_hash_waits_then_is_refused_with_429_and_runs_again_once_a_turn_is_free()
            throws Exception {
        PasswordHasher oneAtATime = new PasswordHasher(4096, 1, 1, 1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> oneAtATime.inTurn(() -> {
            holding.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        busy.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> oneAtATime.hash("correct horse battery staple"))
                .isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds())
                        .isEqualTo(1));
        assertThatThrownBy(() -> oneAtATime.matches("correct horse battery staple", null))
                .as("an unknown address waits in the same queue")
                .isInstanceOf(RateLimitedException.class);

        release.countDown();
        busy.join();
        assertThat(oneAtATime.matches("correct horse battery staple", oneAtATime.hash("correct horse battery staple")))
                .isTrue();
    }

    @Test
    void no_hash_or_an_unreadable_one_never_matches() {
        assertThat(hasher.matches("anything at all", null)).isFalse();
        assertThat(hasher.matches("anything at all", "not a hash")).isFalse();
        assertThat(hasher.matches("anything at all", "")).isFalse();
    }

    @Test
    void passwords_are_compared_after_nfkc_normalisation() {
        String composed = hasher.hash("caf\u00e9-passw\u00f6rd");

        assertThat(hasher.matches("cafe\u0301-passwo\u0308rd", composed))
                .as("combining accents")
                .isTrue();
        String fullWidth = hasher.hash("\uff50\uff41\uff53\uff53\uff11\uff12\uff13\uff14");
        assertThat(hasher.matches("pass1234", fullWidth))
                .as("full-width letters and digits")
                .isTrue();
    }

    @Test
    void the_rules_are_a_length_range_and_nothing_else() {
        assertThat(PasswordRules.problem("aaaaaaaa", 8))
                .as("no composition rules")
                .isEmpty();
        assertThat(PasswordRules.problem("aaaaaaa", 8)).contains("password shorter than 8 characters");
        assertThat(PasswordRules.problem("aaaaaaaaaa", 12)).contains("password shorter than 12 characters");
        assertThat(PasswordRules.problem(null, 8)).contains("no password given");
        assertThat(PasswordRules.problem("", 8)).contains("no password given");
        assertThat(PasswordRules.problem("a".repeat(128), 8)).isEmpty();
        assertThat(PasswordRules.problem("a".repeat(129), 8)).contains("password longer than 128 characters");
        assertThat(PasswordRules.oversized("a".repeat(100_000))).isTrue();
        assertThat(PasswordRules.problem("\ud83d\ude00".repeat(8), 8))
                .as("counted in code points, not UTF-16 units")
                .isEmpty();
        assertThat(PasswordRules.problem("a".repeat(200), 8).orElseThrow()).doesNotContain("aaa");
    }

    @Test
    void the_provider_refuses_a_minimum_below_nists() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> dev.authschema.engine.config.Providers.password().withMinLength(6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minLength is 6")
                .hasMessageContaining("NIST");
        assertThat(dev.authschema.engine.config.Providers.password()
                        .withMinLength(12)
                        .minLength())
                .isEqualTo(12);
        assertThat(PasswordProviderConfig.MAX_LENGTH).isEqualTo(128);
    }
}
