package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The production secret checks: published, short, low-variety, repeated and low-entropy secrets are refused. */
class SecretStrengthTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    @RepeatedTest(20)
    void what_the_documented_generators_make_is_accepted() {
        assertThat(SecretStrength.problem(randomBase64(33)))
                .as("openssl rand -base64 33")
                .isEmpty();
        assertThat(SecretStrength.problem(randomBase64(32)))
                .as("openssl rand -base64 32, with padding")
                .isEmpty();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        assertThat(SecretStrength.problem(HexFormat.of().formatHex(bytes)))
                .as("openssl rand -hex 32")
                .isEmpty();
        assertThat(SecretStrength.problem(
                        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                .as("32 bytes base64url")
                .isEmpty();
    }

    @Test
    void the_demo_secrets_published_in_the_repository_are_refused_however_long() {
        assertThat(SecretStrength.problem("dev-only-secret-do-not-use-in-production-0123456789"))
                .get()
                .asString()
                .contains("published")
                .contains("openssl rand -base64 33");
        assertThat(SecretStrength.problem(" integration-test-secret-0123456789abcdef0123456789 "))
                .get()
                .asString()
                .contains("published");
    }

    @Test
    void a_short_secret_is_refused_with_its_length() {
        assertThat(SecretStrength.problem(randomBase64(18)))
                .get()
                .asString()
                .contains("AUTH_SECRET is 24 characters long")
                .contains("at least 32")
                .contains("openssl rand -base64 33");
    }

    @Test
    void few_distinct_characters_are_refused() {
        assertThat(SecretStrength.problem("a".repeat(64))).get().asString().contains("only 1 different characters");
        assertThat(SecretStrength.problem("passwordpasswordpasswordpasswordpassword!x"))
                .get()
                .asString()
                .contains("different characters");
    }

    @Test
    void a_repeated_block_is_refused() {
        String block = randomBase64(12); // 16 characters
        assertThat(SecretStrength.problem(block + block + block))
                .get()
                .asString()
                .contains("repeated");
        assertThat(SecretStrength.isRepeated("abcabcab")).isTrue();
        assertThat(SecretStrength.isRepeated("abcabcad")).isFalse();
    }

    @Test
    void a_secret_with_less_than_256_bits_for_its_alphabet_is_refused() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        assertThat(SecretStrength.problem(HexFormat.of().formatHex(bytes)))
                .as("40 hex digits: 160 bits")
                .get()
                .asString()
                .contains("at most 160 bits")
                .contains("hexadecimal")
                .contains("256");
        assertThat(SecretStrength.problem(randomBase64(30)))
                .as("40 base64 characters: 240 bits")
                .get()
                .asString()
                .contains("at most 240 bits");
        assertThat(SecretStrength.problem("31415926535897932384626433832795028841971693993751058209749445923078"))
                .as("68 decimal digits: 225 bits")
                .get()
                .asString()
                .contains("decimal");
    }

    @Test
    void printable_characters_count_for_more_than_base64() {
        // 40 characters with punctuation: 40 * 6.57 = 262 bits
        assertThat(SecretStrength.problem("k#9V!q2@Lz&8pR*w4^mX(6)nB_7{tY}3:eJ<5>uH~"))
                .isEmpty();
    }

    @Test
    void outside_development_the_configuration_names_the_problem_and_in_development_anything_goes() {
        Map<String, String> env = Map.of("AUTH_SECRET", "dev-only-secret-do-not-use-in-production-0123456789");
        assertThatThrownBy(() -> AuthConfig.builder().environment(env::get).build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("AUTH_SECRET is a secret published with AuthSchema")
                .hasMessageContaining("openssl rand -base64 33");
        assertThat(AuthConfig.builder()
                        .environment(env::get)
                        .development(true)
                        .build()
                        .secret())
                .isEqualTo("dev-only-secret-do-not-use-in-production-0123456789");
    }

    /** Every literal secret in this repository's settings files and scripts would be refused in production. */
    @Test
    void every_secret_written_in_the_repository_is_refused() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().getParent();
        java.util.regex.Pattern assignment = java.util.regex.Pattern.compile("AUTH_SECRET=([^\\s$\"'`]{8,})");
        java.util.List<String> found = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>)
                    files.filter(f -> !f.toString().contains("/target/")
                                    && !f.toString().contains("/.git/")
                                    && !f.toString().contains("/node_modules/"))
                            .filter(f -> f.toString().endsWith(".env")
                                    || f.toString().endsWith(".sh")
                                    || f.toString().endsWith(".md"))::iterator) {
                java.util.regex.Matcher matcher = assignment.matcher(java.nio.file.Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                    assertThat(SecretStrength.problem(matcher.group(1)))
                            .as("%s in %s", matcher.group(1), file)
                            .isPresent();
                }
            }
        }
        assertThat(found).as("the demo's development secret is among them").isNotEmpty();
    }
}
