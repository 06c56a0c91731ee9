package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.AuthConfigurationException;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.ratelimit.RateLimitRule;
import dev.authschema.engine.ratelimit.RateLimitSettings;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The password provider through the endpoints, on the in-memory adapter: sign-up with the address check, sign-in,
 * change, forgotten password and reset; no enumeration, single-use reset links, CSRF, limits, no password in the log.
 */
class PasswordFlowTest {

    private static final String SECRET = "password-test-secret-Hq8vT2mXc5LpR9wZb3NdK7sJ";
    private static final String BASE = "http://localhost:8080/app";
    private static final String SESSION_COOKIE = "authjs.session-token";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a whole new sentence to remember";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private AuthEngine engine = engine(Providers.password(), SessionStrategy.DATABASE, RateLimitSettings.off());

    private AuthEngine engine(PasswordProviderConfig password, SessionStrategy strategy, RateLimitSettings limits) {
        return new AuthEngine(config(password, strategy, limits, adapter));
    }

    private AuthConfig config(
            PasswordProviderConfig password,
            SessionStrategy strategy,
            RateLimitSettings limits,
            InMemoryAdapter store) {
        return AuthConfig.builder()
                .rateLimits(limits)
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .clock(clock)
                .debug(true)
                .adapter(store)
                .sessionStrategy(strategy)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .provider(password)
                .build();
    }

    /** A fresh browser holding a CSRF cookie. */
    private Map<String, String> browser() {
        FakeExchange csrf = FakeExchange.get(Map.of());
        engine.router().endpoint(csrf, Method.GET, "/csrf");
        return csrf.browser();
    }

    private static String csrfToken(Map<String, String> browser) {
        return browser.get("authjs.csrf-token").split("\\|")[0];
    }

    /** A CSRF-carrying POST from {@code browser}, with {@code fields}. */
    private FakeExchange post(Map<String, String> browser, String path, String... fields) {
        FakeExchange exchange = FakeExchange.post(browser).param("csrfToken", csrfToken(browser));
        for (int i = 0; i < fields.length; i += 2) {
            exchange.param(fields[i], fields[i + 1]);
        }
        return exchange;
    }

    private record Answer(Reply reply, FakeExchange exchange) {
        String location() {
            return ((Reply.Redirect) reply).url();
        }

        boolean signedIn() {
            return exchange.setCookie(SESSION_COOKIE)
                    .filter(c -> !c.value().isEmpty())
                    .isPresent();
        }
    }

    private Answer send(FakeExchange exchange, String path) {
        return new Answer(engine.router().endpoint(exchange, Method.POST, path), exchange);
    }

    private Answer signUp(String email, String password) {
        return send(
                post(browser(), "", "email", email, "password", password, "callbackUrl", "/app/home"),
                "/signup/password");
    }

    private Answer signIn(Map<String, String> browser, String email, String password) {
        return send(
                post(browser, "", "email", email, "password", password, "callbackUrl", "/app/home"),
                "/callback/password");
    }

    private Answer signIn(String email, String password) {
        return signIn(browser(), email, password);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    /** Follows the last mailed sign-in link's confirmation POST. */
    private Answer confirmLastLink() {
        Map<String, String> link = query(outbox.get(outbox.size() - 1).url());
        return send(post(browser(), "", "email", link.get("email"), "token", link.get("token")), "/callback/email");
    }

    private AdapterUser verifiedUser(String email) {
        assertThat(signUp(email, PASSWORD).location()).contains("/api/auth/verify-request");
        assertThat(confirmLastLink().signedIn()).isTrue();
        outbox.clear();
        return adapter.getUserByEmail(email).orElseThrow();
    }

    private Map<String, String> signedInBrowser(String email, String password) {
        Map<String, String> browser = browser();
        Answer answer = signIn(browser, email, password);
        assertThat(answer.signedIn()).as("signed in").isTrue();
        Map<String, String> after = new HashMap<>(browser);
        after.putAll(answer.exchange().browser());
        return after;
    }

    private Answer requestReset(String email) {
        return send(post(browser(), "", "email", email), "/password/forgot");
    }

    private Answer reset(String email, String token, String password) {
        return send(post(browser(), "", "email", email, "token", token, "newPassword", password), "/password/reset");
    }

    @Test
    void sign_up_stores_an_argon2id_hash_and_mails_the_confirmation_link_and_only_then_the_password_signs_in() {
        Answer up = signUp("Ann@Example.com", PASSWORD);

        assertThat(up.location()).isEqualTo(BASE + "/api/auth/verify-request?provider=password&type=credentials");
        assertThat(up.signedIn())
                .as("no session before the address is confirmed")
                .isFalse();
        AdapterUser ann = adapter.getUserByEmail("ann@example.com").orElseThrow();
        assertThat(ann.emailVerified()).isNull();
        assertThat(adapter.passwordHashes.get(ann.id())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(outbox).singleElement().satisfies(mail -> {
            assertThat(mail.purpose()).isEqualTo(VerificationEmail.Purpose.SIGN_IN);
            assertThat(mail.url()).startsWith(BASE + "/api/auth/callback/email?token=");
        });

        Answer early = signIn("ann@example.com", PASSWORD);
        assertThat(early.signedIn()).isFalse();
        assertThat(early.location()).endsWith("&error=EmailNotVerified");

        assertThat(confirmLastLink().signedIn()).isTrue();
        assertThat(adapter.getUser(ann.id()).orElseThrow().emailVerified()).isNotNull();

        Answer in = signIn("ann@example.com", PASSWORD);
        assertThat(in.signedIn()).isTrue();
        assertThat(in.location()).isEqualTo(BASE + "/home");
    }

    @Test
    void a_wrong_password_and_an_unknown_address_get_the_same_answer_and_no_session() {
        verifiedUser("ann@example.com");

        Answer wrong = signIn("ann@example.com", "not the password at all");
        Answer unknown = signIn("nobody@example.com", "not the password at all");
        Answer malformed = signIn("not an address", "not the password at all");

        assertThat(wrong.location())
                .isEqualTo(unknown.location())
                .isEqualTo(malformed.location())
                .isEqualTo(BASE + "/api/auth/signin?callbackUrl=" + enc(BASE + "/home") + "&error=CredentialsSignin");
        assertThat(List.of(wrong, unknown, malformed)).noneMatch(Answer::signedIn);
    }

    @Test
    void a_user_without_a_password_gets_the_same_answer_as_a_wrong_password() {
        adapter.createUser(new AdapterUser(null, null, "oauth@example.com", Instant.EPOCH, null, Map.of()));

        assertThat(signIn("oauth@example.com", PASSWORD).location()).endsWith("error=CredentialsSignin");
    }

    @Test
    void sign_up_with_a_taken_address_answers_like_success_mails_the_owner_and_changes_nothing() {
        AdapterUser ann = verifiedUser("ann@example.com");
        String hash = adapter.passwordHashes.get(ann.id());

        Answer again = signUp("ann@example.com", "an attacker's chosen password");

        assertThat(again.location())
                .isEqualTo(signUp("new@example.com", PASSWORD).location());
        assertThat(again.signedIn()).isFalse();
        assertThat(adapter.passwordHashes.get(ann.id())).isEqualTo(hash);
        assertThat(adapter.users).hasSize(2);
        assertThat(outbox.get(0).purpose()).isEqualTo(VerificationEmail.Purpose.ACCOUNT_EXISTS);
        assertThat(outbox.get(0).to()).isEqualTo("ann@example.com");
        assertThat(outbox.get(0).url()).isEqualTo(BASE + "/api/auth/password/forgot");
        assertThat(signIn("ann@example.com", "an attacker's chosen password").signedIn())
                .isFalse();
    }

    @Test
    void a_password_outside_the_length_rule_is_refused_before_anything_is_stored() {
        Answer shortOne = signUp("ann@example.com", "seven77");
        Answer huge = signUp("ann@example.com", "x".repeat(129));

        assertThat(shortOne.location()).isEqualTo(BASE + "/api/auth/signup/password?error=PasswordRejected");
        assertThat(huge.location()).isEqualTo(shortOne.location());
        assertThat(adapter.users).isEmpty();
        assertThat(outbox).isEmpty();

        engine = engine(Providers.password().withMinLength(12), SessionStrategy.DATABASE, RateLimitSettings.off());
        assertThat(signUp("ann@example.com", "elevenchars").location()).endsWith("error=PasswordRejected");
        assertThat(signUp("ann@example.com", "twelve chars").location()).contains("verify-request");
    }

    @Test
    void the_length_limit_counts_code_points_not_utf_16_units() {
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
        String longest = emoji.repeat(128);

        Answer tooLong = signUp("bob@example.com", emoji.repeat(129));
        assertThat(tooLong.location()).endsWith("error=PasswordRejected");
        assertThat(signUp("ann@example.com", longest).location()).contains("verify-request");
        assertThat(confirmLastLink().signedIn()).isTrue();

        assertThat(signIn("ann@example.com", longest).signedIn()).isTrue();
    }

    @Test
    void a_password_with_a_lone_surrogate_is_refused_not_a_server_error() {
        verifiedUser("ann@example.com");
        String broken = "password \uD800 here"; // a JSON body can carry "\ud800"; UTF-8 has no form for it

        assertThat(signUp("bob@example.com", broken).location()).endsWith("error=PasswordRejected");
        assertThat(signIn("ann@example.com", broken).location()).endsWith("error=CredentialsSignin");
        assertThat(signIn("nobody@example.com", broken).location()).endsWith("error=CredentialsSignin");
        assertThat(adapter.getUserByEmail("bob@example.com")).isEmpty();
    }

    @Test
    void an_oversized_password_at_sign_in_is_refused_without_hashing() {
        verifiedUser("ann@example.com");
        long start = System.nanoTime();

        Answer huge = signIn("ann@example.com", "x".repeat(4000));

        assertThat(huge.location()).endsWith("error=CredentialsSignin");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void every_password_post_without_the_csrf_token_is_refused_and_changes_nothing() {
        AdapterUser ann = verifiedUser("ann@example.com");
        String hash = adapter.passwordHashes.get(ann.id());
        Map<String, String> browser = browser();
        int sessions = adapter.sessions.size();

        for (String[] request : List.of(
                new String[] {"/signup/password", "email", "bob@example.com", "password", PASSWORD},
                new String[] {"/callback/password", "email", "ann@example.com", "password", PASSWORD},
                new String[] {"/password/forgot", "email", "ann@example.com", "x", "y"},
                new String[] {"/password/change", "currentPassword", PASSWORD, "newPassword", NEW_PASSWORD},
                new String[] {"/password/reset", "email", "ann@example.com", "newPassword", NEW_PASSWORD})) {
            FakeExchange exchange = FakeExchange.post(browser) // the cookie, but no token in the form
                    .param(request[1], request[2])
                    .param(request[3], request[4]);
            Answer answer = send(exchange, request[0]);
            assertThat(answer.location()).as(request[0]).isEqualTo(BASE + "/api/auth/error?error=MissingCSRF");
        }

        assertThat(adapter.users).hasSize(1);
        assertThat(adapter.passwordHashes.get(ann.id())).isEqualTo(hash);
        assertThat(adapter.sessions).hasSize(sessions);
        assertThat(adapter.tokens).isEmpty();
        assertThat(outbox).isEmpty();
    }

    @Test
    void forgot_mails_a_reset_link_for_a_known_address_and_answers_the_same_for_an_unknown_one() {
        verifiedUser("ann@example.com");

        Answer known = requestReset("ann@example.com");
        Answer unknown = requestReset("nobody@example.com");

        assertThat(known.location())
                .isEqualTo(unknown.location())
                .isEqualTo(BASE + "/api/auth/verify-request?provider=password&type=credentials");
        assertThat(outbox).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("ann@example.com");
            assertThat(mail.purpose()).isEqualTo(VerificationEmail.Purpose.PASSWORD_RESET);
            assertThat(mail.url()).startsWith(BASE + "/api/auth/password/reset?token=");
            assertThat(mail.expires()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        });
        assertThat(adapter.tokens).hasSize(1);
    }

    @Test
    void forgot_answers_the_same_when_the_reset_mail_fails_and_takes_the_link_back() {
        verifiedUser("ann@example.com");
        engine = new AuthEngine(AuthConfig.builder()
                .rateLimits(RateLimitSettings.off())
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .clock(clock)
                .adapter(adapter)
                .provider(Providers.email("noreply@example.com").withSender(mail -> {
                    throw new IllegalStateException("the mail server is down");
                }))
                .provider(Providers.password())
                .build());

        Answer known = requestReset("ann@example.com");
        Answer unknown = requestReset("nobody@example.com");

        assertThat(known.location())
                .as("a failing mail server tells nothing about the address")
                .isEqualTo(unknown.location())
                .isEqualTo(BASE + "/api/auth/verify-request?provider=password&type=credentials");
        assertThat(adapter.tokens)
                .as("the link that never went out is taken back")
                .isEmpty();
    }

    @Test
    void a_reset_sets_the_new_password_ends_every_session_and_the_link_works_once() {
        AdapterUser ann = verifiedUser("ann@example.com");
        signedInBrowser("ann@example.com", PASSWORD);
        signedInBrowser("ann@example.com", PASSWORD);
        adapter.createUser(new AdapterUser(null, null, "bob@example.com", Instant.EPOCH, null, Map.of()));
        String bobId = adapter.getUserByEmail("bob@example.com").orElseThrow().id();
        adapter.createSession(
                AdapterSession.of("bob-token", bobId, clock.instant().plus(Duration.ofDays(1))));
        assertThat(adapter.sessions.values())
                .filteredOn(s -> s.userId().equals(ann.id()))
                .hasSize(3);
        requestReset("ann@example.com");
        Map<String, String> link = query(outbox.get(0).url());

        Answer done = reset(link.get("email"), link.get("token"), NEW_PASSWORD);

        assertThat(done.location()).isEqualTo(BASE + "/api/auth/signin?reset=done");
        assertThat(adapter.sessions.values())
                .as("every session of ann ended, bob's kept")
                .extracting(AdapterSession::userId)
                .containsExactly(bobId);
        assertThat(signIn("ann@example.com", PASSWORD).signedIn())
                .as("old password")
                .isFalse();
        assertThat(signIn("ann@example.com", NEW_PASSWORD).signedIn())
                .as("new password")
                .isTrue();

        Answer replay = reset(link.get("email"), link.get("token"), "yet another password here");
        assertThat(replay.location()).isEqualTo(BASE + "/api/auth/error?error=Verification");
        assertThat(signIn("ann@example.com", NEW_PASSWORD).signedIn()).isTrue();
    }

    @Test
    void a_tampered_an_expired_or_another_addresses_reset_link_is_refused() {
        verifiedUser("ann@example.com");
        verifiedUser("bob@example.com");
        requestReset("ann@example.com");
        Map<String, String> link = query(outbox.get(0).url());
        String token = link.get("token");
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        assertThat(reset("ann@example.com", tampered, NEW_PASSWORD).location()).endsWith("error=Verification");
        assertThat(reset("bob@example.com", token, NEW_PASSWORD).location()).endsWith("error=Verification");
        assertThat(reset("ann@example.com", "", NEW_PASSWORD).location()).endsWith("error=Verification");
        assertThat(reset("ann@example.com", "x".repeat(500), NEW_PASSWORD).location())
                .endsWith("error=Verification");

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(reset("ann@example.com", token, NEW_PASSWORD).location()).endsWith("error=Verification");
        assertThat(signIn("ann@example.com", PASSWORD).signedIn()).isTrue();
        assertThat(signIn("bob@example.com", PASSWORD).signedIn()).isTrue();
    }

    @Test
    void a_refused_new_password_leaves_the_reset_link_usable() {
        verifiedUser("ann@example.com");
        requestReset("ann@example.com");
        Map<String, String> link = query(outbox.get(0).url());

        Answer refused = reset(link.get("email"), link.get("token"), "short");

        assertThat(refused.location())
                .startsWith(BASE + "/api/auth/password/reset?token=")
                .endsWith("&error=PasswordRejected");
        assertThat(reset(link.get("email"), link.get("token"), NEW_PASSWORD).location())
                .endsWith("reset=done");
    }

    @Test
    void a_reset_link_is_no_sign_in_link_and_a_sign_in_link_resets_nothing() {
        verifiedUser("ann@example.com");
        requestReset("ann@example.com");
        Map<String, String> reset = query(outbox.get(0).url());

        Answer asSignIn =
                send(post(browser(), "", "email", reset.get("email"), "token", reset.get("token")), "/callback/email");
        assertThat(asSignIn.signedIn()).isFalse();
        assertThat(asSignIn.location()).endsWith("error=Verification");

        outbox.clear();
        send(post(browser(), "", "email", "ann@example.com"), "/signin/email");
        Map<String, String> signInLink = query(outbox.get(0).url());
        assertThat(reset("ann@example.com", signInLink.get("token"), NEW_PASSWORD)
                        .location())
                .endsWith("error=Verification");
        assertThat(signIn("ann@example.com", PASSWORD).signedIn()).isTrue();
    }

    @Test
    void a_reset_token_with_the_purpose_prefix_is_no_sign_in_link_either() {
        verifiedUser("ann@example.com");
        requestReset("ann@example.com");
        Map<String, String> reset = query(outbox.get(0).url());

        // the reset row is stored as sha256("password-reset:" + token + secret): the prefixed token must not match
        Answer asSignIn = send(
                post(browser(), "", "email", reset.get("email"), "token", "password-reset:" + reset.get("token")),
                "/callback/email");

        assertThat(asSignIn.signedIn()).isFalse();
        assertThat(asSignIn.location()).endsWith("error=Verification");
        assertThat(reset(reset.get("email"), reset.get("token"), NEW_PASSWORD).location())
                .as("the reset link is still unused")
                .endsWith("reset=done");
    }

    @Test
    void a_sign_up_by_someone_else_is_dropped_when_the_owner_signs_in_by_an_e_mail_link() {
        // pre-hijacking: the attacker signs up the victim's address with a password of their own and never confirms
        signUp("ann@example.com", "the attackers own password");
        outbox.clear();

        send(post(browser(), "", "email", "ann@example.com"), "/signin/email");
        assertThat(confirmLastLink().signedIn()).as("ann signs in by a link").isTrue();

        AdapterUser ann = adapter.getUserByEmail("ann@example.com").orElseThrow();
        assertThat(ann.emailVerified()).isNotNull();
        assertThat(adapter.passwordHashes.get(ann.id()))
                .as("the password nobody proved the address for")
                .isNull();
        assertThat(signIn("ann@example.com", "the attackers own password").signedIn())
                .isFalse();
    }

    @Test
    void the_sign_up_confirmation_link_keeps_the_password() {
        signUp("ann@example.com", PASSWORD);

        assertThat(confirmLastLink().signedIn()).isTrue();

        assertThat(signIn("ann@example.com", PASSWORD).signedIn()).isTrue();
    }

    @Test
    void a_reset_confirms_an_unconfirmed_address() {
        signUp("ann@example.com", PASSWORD); // the confirmation link is never followed
        outbox.clear();
        requestReset("ann@example.com");
        Map<String, String> link = query(outbox.get(0).url());

        reset(link.get("email"), link.get("token"), NEW_PASSWORD);

        assertThat(signIn("ann@example.com", NEW_PASSWORD).signedIn()).isTrue();
    }

    @Test
    void change_needs_the_current_password_and_ends_the_users_other_sessions() {
        AdapterUser ann = verifiedUser("ann@example.com");
        Map<String, String> laptop = signedInBrowser("ann@example.com", PASSWORD);
        signedInBrowser("ann@example.com", PASSWORD);
        String laptopToken = laptop.get(SESSION_COOKIE);

        Answer wrong = send(
                post(laptop, "", "currentPassword", "not my password", "newPassword", NEW_PASSWORD),
                "/password/change");
        assertThat(wrong.location()).endsWith("error=CredentialsSignin");
        assertThat(adapter.sessions.values())
                .filteredOn(s -> s.userId().equals(ann.id()))
                .hasSize(3);

        Answer changed = send(
                post(laptop, "", "currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "callbackUrl", "/app/me"),
                "/password/change");

        assertThat(changed.location()).isEqualTo(BASE + "/me");
        assertThat(adapter.sessions.values())
                .filteredOn(s -> s.userId().equals(ann.id()))
                .extracting(AdapterSession::sessionToken)
                .containsExactly(laptopToken);
        assertThat(signIn("ann@example.com", PASSWORD).signedIn()).isFalse();
        assertThat(signIn("ann@example.com", NEW_PASSWORD).signedIn()).isTrue();
    }

    @Test
    void change_without_a_session_is_refused() {
        verifiedUser("ann@example.com");

        Answer anonymous =
                send(post(browser(), "", "currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), "/password/change");

        assertThat(anonymous.location()).endsWith("error=SessionRequired");
    }

    @Test
    void a_hash_with_weaker_parameters_is_replaced_at_the_next_sign_in() {
        AdapterUser ann = verifiedUser("ann@example.com");
        adapter.setPasswordHash(ann.id(), new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD));

        assertThat(signIn("ann@example.com", PASSWORD).signedIn()).isTrue();

        assertThat(adapter.passwordHashes.get(ann.id())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(signIn("ann@example.com", PASSWORD).signedIn()).isTrue();
    }

    @Test
    void without_required_verification_sign_up_signs_in_at_once() {
        engine = engine(
                Providers.password().withEmailVerification(false), SessionStrategy.DATABASE, RateLimitSettings.off());

        Answer up = signUp("ann@example.com", PASSWORD);

        assertThat(up.signedIn()).isTrue();
        assertThat(up.location()).isEqualTo(BASE + "/home");
        assertThat(outbox).as("the confirmation link still goes out").hasSize(1);
    }

    @Test
    void a_sign_up_whose_mail_fails_answers_like_success_leaves_nothing_behind_and_can_be_retried() {
        AdapterUser ann = verifiedUser("ann@example.com");
        engine = engineWithFailingMail();

        Answer fresh = signUp("new@example.com", PASSWORD);
        Answer taken = signUp("ann@example.com", "an attacker's chosen password");

        assertThat(fresh.location())
                .as("a failing mail server tells a new address from a taken one by nothing")
                .isEqualTo(taken.location())
                .isEqualTo(BASE + "/api/auth/verify-request?provider=password&type=credentials");
        assertThat(adapter.users.values())
                .as("no half-made account; the owner's stays")
                .extracting(AdapterUser::email)
                .containsExactly("ann@example.com");
        assertThat(adapter.passwordHashes.keySet()).containsExactly(ann.id());
        assertThat(adapter.tokens).isEmpty();

        engine = engine(Providers.password(), SessionStrategy.DATABASE, RateLimitSettings.off());
        signUp("new@example.com", PASSWORD);
        assertThat(outbox).as("a retry is a new sign-up, not a taken address").hasSize(1);
        assertThat(outbox.get(0).purpose()).isNotEqualTo(VerificationEmail.Purpose.ACCOUNT_EXISTS);
    }

    @Test
    void without_required_verification_a_failing_confirmation_mail_keeps_the_signed_in_account() {
        engine = engineWithFailingMail(Providers.password().withEmailVerification(false));

        Answer up = signUp("ann@example.com", PASSWORD);

        assertThat(up.signedIn()).isTrue();
        assertThat(adapter.users).hasSize(1);
        assertThat(adapter.tokens)
                .as("the link that never went out is taken back")
                .isEmpty();
    }

    private AuthEngine engineWithFailingMail() {
        return engineWithFailingMail(Providers.password());
    }

    private AuthEngine engineWithFailingMail(PasswordProviderConfig password) {
        return new AuthEngine(AuthConfig.builder()
                .rateLimits(RateLimitSettings.off())
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .clock(clock)
                .adapter(adapter)
                .provider(Providers.email("noreply@example.com").withSender(mail -> {
                    throw new IllegalStateException("the mail server is down");
                }))
                .provider(password)
                .build());
    }

    @Test
    void with_sign_up_off_the_endpoint_refuses_and_the_page_is_gone() {
        engine = engine(Providers.password().withSignUp(false), SessionStrategy.DATABASE, RateLimitSettings.off());

        assertThat(signUp("ann@example.com", PASSWORD).location()).endsWith("error=AccessDenied");
        assertThat(adapter.users).isEmpty();
        assertThat(engine.router().endpoint(FakeExchange.get(Map.of()), Method.GET, "/signup/password"))
                .isInstanceOf(Reply.NotFound.class);
    }

    @Test
    void jwt_sessions_sign_in_with_a_password_too() {
        engine = engine(Providers.password(), SessionStrategy.JWT, RateLimitSettings.off());
        signUp("ann@example.com", PASSWORD);
        confirmLastLink();

        Answer in = signIn("ann@example.com", PASSWORD);

        assertThat(in.signedIn()).isTrue();
        assertThat(adapter.sessions).isEmpty();
    }

    @Test
    void password_attempts_are_limited_per_address_and_per_client() {
        engine = engine(Providers.password(), SessionStrategy.DATABASE, RateLimitSettings.defaults());
        verifiedUser("ann@example.com");
        for (int i = 0; i < 10; i++) { // ten attempts at ann's address, from one client
            signIn(browser(), "ann@example.com", "wrong password " + i);
        }

        Reply limited = send(
                        post(browser(), "", "email", "ann@example.com", "password", PASSWORD)
                                .from("198.51.100.9"),
                        "/callback/password")
                .reply();

        assertThat(limited)
                .isInstanceOfSatisfying(
                        Reply.Html.class, html -> assertThat(html.status()).isEqualTo(429));
        for (int i = 0; i < 30; i++) {
            send(
                    post(browser(), "", "email", "user" + i + "@example.com", "password", PASSWORD)
                            .from("198.51.100.20"),
                    "/callback/password");
        }
        Reply byClient = send(
                        post(browser(), "", "email", "other@example.com", "password", PASSWORD)
                                .from("198.51.100.20"),
                        "/callback/password")
                .reply();
        assertThat(byClient)
                .isInstanceOfSatisfying(
                        Reply.Html.class, html -> assertThat(html.status()).isEqualTo(429));
    }

    @Test
    void the_password_limits_are_settings_of_their_own() {
        engine = engine(
                Providers.password(),
                SessionStrategy.DATABASE,
                RateLimitSettings.defaults()
                        .withPasswordPerAddress(RateLimitRule.of(2, Duration.ofMinutes(5)))
                        .withPasswordPerClient(RateLimitRule.of(1000, Duration.ofMinutes(5))));
        verifiedUser("ann@example.com");
        signIn(browser(), "ann@example.com", "wrong password 1");
        signIn(browser(), "ann@example.com", "wrong password 2");
        int sessions = adapter.sessions.size();

        Reply third = send(
                        post(browser(), "", "email", "ann@example.com", "password", PASSWORD)
                                .from("198.51.100.30"),
                        "/callback/password")
                .reply();

        assertThat(third)
                .as("the third attempt at one address, from another client, within the configured 2 per 5 minutes")
                .isInstanceOfSatisfying(
                        Reply.Html.class, html -> assertThat(html.status()).isEqualTo(429));
        assertThat(adapter.sessions)
                .as("the right password did not sign in past the limit")
                .hasSize(sessions);
    }

    @Test
    void get_callback_of_the_password_provider_is_not_found_and_signin_refuses_it() {
        assertThat(engine.router()
                        .endpoint(
                                FakeExchange.get(Map.of())
                                        .param("email", "ann@example.com")
                                        .param("password", PASSWORD),
                                Method.GET,
                                "/callback/password"))
                .isInstanceOf(Reply.NotFound.class);
        assertThat(send(post(browser(), "", "email", "ann@example.com"), "/signin/password")
                        .location())
                .endsWith("error=CredentialsSignin");
        assertThat(send(post(browser(), ""), "/password/nothing").reply()).isInstanceOf(Reply.NotFound.class);
    }

    @Test
    void the_built_in_pages_show_the_password_forms() {
        Reply signInPage = engine.router().endpoint(FakeExchange.get(Map.of()), Method.GET, "/signin");
        Reply signUpPage = engine.router().endpoint(FakeExchange.get(Map.of()), Method.GET, "/signup/password");
        Reply forgotPage = engine.router().endpoint(FakeExchange.get(Map.of()), Method.GET, "/password/forgot");
        Reply resetPage = engine.router()
                .endpoint(
                        FakeExchange.get(Map.of()).param("token", "tok<en>").param("email", "ann@example.com"),
                        Method.GET,
                        "/password/reset");

        assertThat(((Reply.Html) signInPage).page())
                .contains("action=\"" + BASE + "/api/auth/callback/password\"")
                .contains("type=\"password\"")
                .contains("autocomplete=\"current-password\"")
                .contains(BASE + "/api/auth/password/forgot")
                .contains(BASE + "/api/auth/signup/password");
        assertThat(((Reply.Html) signUpPage).page())
                .contains("action=\"" + BASE + "/api/auth/signup/password\"")
                .contains("minlength=\"8\"")
                .contains("maxlength=\"128\"");
        assertThat(((Reply.Html) forgotPage).page()).contains("action=\"" + BASE + "/api/auth/password/forgot\"");
        Reply afterReset =
                engine.router().endpoint(FakeExchange.get(Map.of()).param("reset", "done"), Method.GET, "/signin");
        assertThat(((Reply.Html) afterReset).page()).contains("Your new password is set");
        assertThat(((Reply.Html) resetPage).page())
                .contains("action=\"" + BASE + "/api/auth/password/reset\"")
                .contains("value=\"tok&lt;en&gt;\"")
                .contains("name=\"newPassword\"");
    }

    @Test
    void the_providers_json_lists_the_password_provider_as_credentials() {
        Reply providers = engine.router().endpoint(FakeExchange.get(Map.of()), Method.GET, "/providers");

        assertThat(((Reply.Json) providers).body().toString()).contains("credentials");
    }

    @Test
    void no_password_and_no_hash_reach_the_log_even_with_debug_on() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("dev.authschema.engine");
        Level level = log.getLevel();
        log.addHandler(capture);
        log.setLevel(Level.ALL);
        try {
            AdapterUser ann = verifiedUser("ann@example.com");
            signIn("ann@example.com", "wrong-" + PASSWORD);
            signIn("ann@example.com", PASSWORD);
            signUp("ann@example.com", PASSWORD);
            signUp("bob@example.com", "short");
            requestReset("ann@example.com");
            Map<String, String> link = query(outbox.get(outbox.size() - 1).url());
            reset(link.get("email"), link.get("token"), "short");
            reset(link.get("email"), link.get("token"), NEW_PASSWORD);
            String hash = adapter.passwordHashes.get(ann.id());

            assertThat(lines).isNotEmpty();
            assertThat(String.join("\n", lines))
                    .doesNotContain(PASSWORD)
                    .doesNotContain(NEW_PASSWORD)
                    .doesNotContain("short ")
                    .doesNotContain(hash)
                    .doesNotContain("$argon2id")
                    .doesNotContain(link.get("token"));
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
    }

    @Test
    void start_up_names_the_schema_property_when_the_adapter_cannot_store_hashes() {
        InMemoryAdapter withoutPasswords = new InMemoryAdapter() {
            @Override
            public Set<AdapterCapability> capabilities() {
                Set<AdapterCapability> all = EnumSet.copyOf(super.capabilities());
                all.remove(AdapterCapability.PASSWORDS);
                return all;
            }
        };

        assertThatThrownBy(() -> config(
                        Providers.password(), SessionStrategy.DATABASE, RateLimitSettings.off(), withoutPasswords))
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("passwordHash String?")
                .hasMessageContaining("User model");
    }

    @Test
    void start_up_needs_an_e_mail_provider_that_mails_links() {
        assertThatThrownBy(() -> AuthConfig.builder()
                        .environment(name -> null)
                        .url(BASE)
                        .secret(SECRET)
                        .adapter(adapter)
                        .provider(Providers.password())
                        .build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("providers[password]")
                .hasMessageContaining("Providers.email(");
        assertThatThrownBy(() -> AuthConfig.builder()
                        .environment(name -> null)
                        .url(BASE)
                        .secret(SECRET)
                        .adapter(adapter)
                        .provider(Providers.emailCode("noreply@example.com"))
                        .provider(Providers.password().withEmailProvider("email-code"))
                        .build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("not an e-mail provider that mails links");
        assertThatThrownBy(() -> AuthConfig.builder()
                        .environment(name -> null)
                        .url(BASE)
                        .secret(SECRET)
                        .sessionStrategy(SessionStrategy.JWT)
                        .provider(Providers.email("noreply@example.com"))
                        .provider(Providers.password())
                        .build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("password sign-in stores users");
    }

    @Test
    void the_requests_never_print_their_passwords_or_tokens() {
        assertThat(List.of(
                        new PasswordAction.SignInRequest("password", "a@b.c", PASSWORD, null).toString(),
                        new PasswordAction.SignUpRequest("password", "a@b.c", PASSWORD, null).toString(),
                        new PasswordAction.ChangeRequest("password", PASSWORD, NEW_PASSWORD, null).toString(),
                        new PasswordAction.ResetRequest("password", "a@b.c", "the-token", NEW_PASSWORD).toString()))
                .allSatisfy(text -> assertThat(text)
                        .doesNotContain(PASSWORD)
                        .doesNotContain(NEW_PASSWORD)
                        .doesNotContain("the-token")
                        .doesNotContain("a@b.c"));
    }

    @Test
    void the_stored_token_of_a_reset_link_is_a_hash_for_the_address() {
        verifiedUser("ann@example.com");
        requestReset("ann@example.com");
        String token = query(outbox.get(0).url()).get("token");

        VerificationToken stored = adapter.tokens.values().iterator().next();

        assertThat(stored.identifier()).isEqualTo("ann@example.com");
        assertThat(stored.token()).isNotEqualTo(token).doesNotContain(token).matches("[0-9a-f]{64}");
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
