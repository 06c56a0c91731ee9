package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in by a mailed one-time code ({@code Providers.emailCode}) over HTTP in the real server: the code is stored
 * hashed and works once, five wrong codes burn it (the row is gone, the right code then fails), it is useless in a
 * browser that asked for another address, and guesses from several threads at once never get more than the budget.
 * Attempts are counted in the database's rate-limit table, shared by every server.
 */
@ExtendWith(ItServers.class)
class EmailCodeIT {

    static final String PROVIDER = "email-code";
    static final String CALLBACK = "/api/auth/callback/" + PROVIDER;
    static final String CODE_COOKIE = "authjs.email-code";
    private static final Pattern CODE = Pattern.compile("^\\s+([0-9]{6})\\s*$", Pattern.MULTILINE);

    /** Asks for a code as the sign-in form does; returns the code from the mail. */
    static String requestCode(Browser browser, String email) {
        int received = ItServers.mailbox().count(email);
        Browser.Response asked =
                browser.post("/api/auth/signin/" + PROVIDER, Map.of("csrfToken", browser.csrf(), "email", email));
        assertThat(asked.status()).as("%s", asked).isEqualTo(302);
        assertThat(asked.location()).isEqualTo(browser.base() + CALLBACK);
        assertThat(browser.cookie(CODE_COOKIE)).isPresent();
        String text = ItServers.mailbox().awaitText(email, received);
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as("a code in: %s", text).isTrue();
        return matcher.group(1);
    }

    static Browser.Response type(Browser browser, String code) {
        return browser.post(CALLBACK, Map.of("csrfToken", browser.csrf(), "code", code));
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "999999" : "000000";
    }

    private static List<JsonObject> tokensOf(String email) {
        return Database.rowsWhere(Database.dump(), "VERIFICATION_TOKENS", "IDENTIFIER", email);
    }

    @Test
    void the_right_code_signs_in_and_the_row_holds_only_its_hash() {
        String email = Checks.uniqueEmail("code");
        Browser browser = new Browser(ItServers.DB);
        String code = requestCode(browser, email);
        assertThat(tokensOf(email))
                .singleElement()
                .satisfies(row -> assertThat(row.getString("TOKEN")).hasSize(64).doesNotContain(code));

        Browser.Response page = browser.get(CALLBACK);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("name=\"code\"", "autocomplete=\"one-time-code\"", email)
                .doesNotContain("<script", "style=", "onload");

        Browser.Response signedIn = type(browser, code);
        assertThat(signedIn.location()).isEqualTo(browser.base());
        assertThat(browser.sessionEmail()).contains(email);
        assertThat(browser.cookie(CODE_COOKIE)).isEmpty();
        assertThat(tokensOf(email)).isEmpty();
        assertThat(Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email))
                .singleElement()
                .satisfies(user -> assertThat(user.isNull("EMAIL_VERIFIED")).isFalse());
    }

    @Test
    void five_wrong_codes_burn_it_and_even_the_right_code_then_fails() {
        String email = Checks.uniqueEmail("burnt");
        Browser browser = new Browser(ItServers.DB);
        String code = requestCode(browser, email);

        for (int left = 4; left >= 1; left--) {
            Browser.Response again = type(browser, wrong(code));
            assertThat(again.location()).isEqualTo(browser.base() + CALLBACK + "?wrong=" + left);
            assertThat(tokensOf(email)).hasSize(1);
        }
        Checks.refusedWith(type(browser, wrong(code)), "Verification");
        assertThat(tokensOf(email)).isEmpty(); // burnt with the fifth
        assertThat(browser.cookie(CODE_COOKIE)).isEmpty();

        JsonObject before = Database.dump();
        // The cookie of the burnt request, kept by a browser that ignores the deletion.
        Browser keeper = new Browser(ItServers.DB);
        String sealed = keeperCookie(email);
        keeper.setCookie(CODE_COOKIE, sealed);
        Checks.refusedWith(type(keeper, code), "Verification");
        Checks.refusedWith(type(browser, code), "Verification");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(Database.rowsWhere(before, "USERS", "EMAIL", email)).isEmpty();
        assertThat(keeper.cookie(Browser.SESSION_COOKIE)).isEmpty();
    }

    /** A request of its own whose cookie the test keeps, burnt with five wrong codes, for the replay above. */
    private static String keeperCookie(String email) {
        Browser other = new Browser(ItServers.DB);
        String otherEmail = "keeper-" + email;
        String code = requestCode(other, otherEmail);
        String sealed = other.cookie(CODE_COOKIE).orElseThrow();
        for (int i = 0; i < 5; i++) {
            type(other, wrong(code));
        }
        assertThat(tokensOf(otherEmail)).isEmpty();
        return sealed;
    }

    @Test
    void a_code_is_useless_in_a_browser_that_asked_for_another_address() {
        String ann = Checks.uniqueEmail("ann");
        String eve = Checks.uniqueEmail("eve");
        Browser annBrowser = new Browser(ItServers.DB);
        Browser eveBrowser = new Browser(ItServers.DB);
        String annCode = requestCode(annBrowser, ann);
        requestCode(eveBrowser, eve);

        JsonObject before = Database.dump();
        Browser.Response refused = type(eveBrowser, annCode);
        assertThat(refused.location()).isEqualTo(eveBrowser.base() + CALLBACK + "?wrong=4");
        assertThat(eveBrowser.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);

        // Without any pending code (no cookie) Ann's code is refused outright, and nothing is counted or changed.
        Browser stranger = new Browser(ItServers.DB);
        int rateRows = Database.rateLimits().size();
        Checks.refusedWith(type(stranger, annCode), "Verification");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(Database.rateLimits()).hasSize(rateRows);

        type(annBrowser, annCode);
        assertThat(annBrowser.sessionEmail()).contains(ann);
    }

    @Test
    void a_forged_cookie_and_a_missing_csrf_token_are_refused_without_counting_an_attempt() {
        String email = Checks.uniqueEmail("forged");
        Browser browser = new Browser(ItServers.DB);
        String code = requestCode(browser, email);
        String sealed = browser.cookie(CODE_COOKIE).orElseThrow();
        JsonObject before = Database.dump();
        int rateRows = Database.rateLimits().size();

        browser.setCookie(CODE_COOKIE, sealed.substring(0, sealed.length() - 4) + "AAAA");
        Checks.refusedWith(type(browser, code), "Verification");
        browser.setCookie(CODE_COOKIE, sealed);
        Checks.refusedWith(browser.post(CALLBACK, Map.of("code", code)), "MissingCSRF");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(Database.rateLimits()).hasSize(rateRows);

        // The genuine cookie still has its whole budget and its code.
        type(browser, code);
        assertThat(browser.sessionEmail()).contains(email);
    }

    @Test
    void a_used_code_replayed_from_a_copy_of_the_cookie_is_refused() {
        String email = Checks.uniqueEmail("replay");
        Browser browser = new Browser(ItServers.DB);
        String code = requestCode(browser, email);
        String sealed = browser.cookie(CODE_COOKIE).orElseThrow();
        type(browser, code);
        assertThat(browser.sessionEmail()).contains(email);

        Browser replay = new Browser(ItServers.DB);
        replay.setCookie(CODE_COOKIE, sealed);
        JsonObject before = Database.dump();
        Browser.Response refused = type(replay, code);
        assertThat(refused.location()).contains(CALLBACK + "?wrong=");
        assertThat(replay.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void concurrent_guesses_from_two_threads_never_exceed_the_attempt_budget() throws Exception {
        String email = Checks.uniqueEmail("race");
        Browser owner = new Browser(ItServers.DB);
        String code = requestCode(owner, email);
        String sealed = owner.cookie(CODE_COOKIE).orElseThrow();
        int perThread = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Browser.Response>>> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            // Each thread a browser of its own holding a copy of the cookie, as an attacker who copied it would.
            Browser copy = new Browser(ItServers.DB);
            copy.setCookie(CODE_COOKIE, sealed);
            String csrf = copy.csrf();
            threads.add(pool.submit(() -> {
                start.await();
                List<Browser.Response> answers = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    answers.add(copy.post(CALLBACK, Map.of("csrfToken", csrf, "code", wrong(code))));
                    copy.setCookie(CODE_COOKIE, sealed); // keep guessing after the engine deleted it
                }
                return answers;
            }));
        }
        start.countDown();
        int tryAgain = 0;
        int refused = 0;
        for (Future<List<Browser.Response>> thread : threads) {
            for (Browser.Response response : thread.get(300, TimeUnit.SECONDS)) {
                Checks.clean(response);
                if (response.location().contains("?wrong=")) {
                    tryAgain++;
                } else {
                    Checks.refusedWith(response, "Verification");
                    refused++;
                }
            }
        }
        pool.shutdown();

        assertThat(tryAgain).isEqualTo(4);
        assertThat(refused).isEqualTo(2 * perThread - 4);
        assertThat(tokensOf(email)).isEmpty();
        Checks.refusedWith(type(owner, code), "Verification");
        assertThat(owner.cookie(Browser.SESSION_COOKIE)).isEmpty();
    }
}
