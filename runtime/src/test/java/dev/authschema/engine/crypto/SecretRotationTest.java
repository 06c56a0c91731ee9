package dev.authschema.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.authschema.engine.email.VerificationTokenHash;
import dev.authschema.engine.http.CsrfTokens;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a secret ring does for each thing keyed with the secret: the first makes, all read, a removed one none. */
class SecretRotationTest {

    private static final String OLD = "old-secret-Hq8vT2mXc5LpR9wZb3NdK7sJyF4aGe1u";
    private static final String NEW = "new-secret-2K-KizgkO7p9kGUXzKFVI3wZ782MtJrR";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final SecretRing BEFORE = SecretRing.of(OLD);
    private static final SecretRing DURING = SecretRing.parse(NEW + "," + OLD);
    private static final SecretRing AFTER = SecretRing.of(NEW);

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .subject("u-1")
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .build();
    }

    @Test
    void a_jwe_sealed_with_the_old_secret_opens_during_the_rotation_as_not_current_and_not_after_it() {
        String sealed = new JweSealer(BEFORE, "authjs.session-token").seal(claims());

        assertThat(new JweSealer(DURING, "authjs.session-token").openWithAnyKey(sealed, NOW))
                .hasValueSatisfying(opened -> {
                    assertThat(opened.claims().getSubject()).isEqualTo("u-1");
                    assertThat(opened.current()).isFalse();
                });
        assertThat(new JweSealer(AFTER, "authjs.session-token").open(sealed, NOW))
                .isEmpty();
    }

    @Test
    void a_jwe_sealed_during_the_rotation_uses_the_new_secret() {
        String sealed = new JweSealer(DURING, "authjs.state").seal(claims());

        assertThat(new JweSealer(AFTER, "authjs.state").openWithAnyKey(sealed, NOW))
                .hasValueSatisfying(opened -> assertThat(opened.current()).isTrue());
        assertThat(new JweSealer(BEFORE, "authjs.state").open(sealed, NOW)).isEmpty();
    }

    @Test
    void a_csrf_cookie_of_the_old_secret_is_accepted_during_the_rotation_and_refused_after_it() {
        CsrfTokens.Issued issued = new CsrfTokens(BEFORE).issue();

        assertThat(new CsrfTokens(DURING).verify(issued.cookieValue(), issued.token()))
                .isTrue();
        assertThat(new CsrfTokens(AFTER).verify(issued.cookieValue(), issued.token()))
                .isFalse();
        assertThat(new CsrfTokens(DURING).issue().cookieValue())
                .as("new cookies are keyed with the new secret")
                .satisfies(value ->
                        assertThat(new CsrfTokens(AFTER).tokenOf(value)).isPresent());
    }

    @Test
    void the_candidate_hashes_of_a_link_follow_the_ring_current_first() {
        assertThat(VerificationTokenHash.candidates("tok", DURING))
                .containsExactly(VerificationTokenHash.of("tok", NEW), VerificationTokenHash.of("tok", OLD));
    }

    @Test
    void a_ring_keeps_its_order_hides_its_secrets_and_refuses_an_empty_one() {
        assertThat(DURING.current()).isEqualTo(NEW);
        assertThat(DURING.all()).containsExactly(NEW, OLD);
        assertThat(DURING.toString()).isEqualTo("SecretRing[2 secrets, hidden]");
        assertThat(SecretRing.split(" a , b ,")).containsExactly("a", "b", "");
        assertThatThrownBy(() -> SecretRing.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretRing.parse("a,,b")).isInstanceOf(IllegalArgumentException.class);
    }
}
