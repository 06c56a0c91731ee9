package dev.authschema.engine.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.email.EmailSignIn;
import dev.authschema.engine.email.UnprovenPasswords;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sign-up's confirmation mail goes out after the answer; whatever happened to the account meanwhile decides
 * whether its failure may still delete it.
 */
class SignUpMailRaceTest {

    private static final String SECRET = "sign-up-race-secret-Hq8vT2mXc5LpR9wZb3NdK7sJ";
    private static final String CALLBACK = "http://localhost:8080/app/api/auth/callback/email";
    private static final String FORGOT = "http://localhost:8080/app/api/auth/password/forgot";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T02:00:00Z"));
    private final List<Runnable> queued = new ArrayList<>();
    private final FlowLog log = new FlowLog(false);
    private final EmailSender failing = mail -> {
        throw new IllegalStateException("the mail server timed out");
    };
    private final SignInCallback allowAll = (user, account, profile, provider) -> true;

    private PasswordAccounts accounts() {
        EmailProviderConfig email = Providers.email("noreply@example.com").withSender(failing);
        PasswordProviderConfig password = Providers.password();
        EmailSignIn emailSignIn = new EmailSignIn(email, adapter, failing, SecretRing.of(SECRET), clock, allowAll, log);
        return new PasswordAccounts(
                password,
                email,
                adapter,
                failing,
                emailSignIn,
                new PasswordHasher(),
                SecretRing.of(SECRET),
                clock,
                allowAll,
                log,
                MailHandOff.on(queued::add));
    }

    @Test
    void a_failed_confirmation_mail_keeps_an_account_the_owner_linked_by_a_provider_meanwhile() {
        AdapterUser created = accounts()
                .signUp("ann@example.com", "correct horse battery staple", null, CALLBACK, FORGOT)
                .orElseThrow();
        // Before the (slow) mail server gives up: Ann signs in with a provider that verified the address, with
        // dangerous e-mail account linking on; OAuthSignIn drops the unproven password and links the account.
        UnprovenPasswords.drop(adapter, created.id(), log);
        adapter.linkAccount(new AdapterAccount(
                created.id(), "oidc", "google", "ann-google-id", null, null, null, null, null, null, null, Map.of()));

        queued.forEach(Runnable::run); // the confirmation mail fails now

        assertThat(adapter.getUser(created.id()))
                .as("the account Ann signed in to by her provider stays")
                .isPresent();
        assertThat(adapter.getUserByAccount("google", "ann-google-id")).isPresent();
    }

    @Test
    void a_failed_confirmation_mail_still_deletes_the_untouched_sign_up() {
        AdapterUser created = accounts()
                .signUp("ann@example.com", "correct horse battery staple", null, CALLBACK, FORGOT)
                .orElseThrow();

        queued.forEach(Runnable::run);

        assertThat(adapter.getUser(created.id())).isEmpty();
        assertThat(adapter.tokens).isEmpty();
    }
}
