package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.ServerLog;
import dev.authschema.testsupport.WebClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Cross-site forgeries of a page form: the fields an attacker read from their own copy of the page (view state,
 * the form's submit marker, their own CSRF token), sent by the victim's browser in every way a hostile page can
 * make it send them. Each must be refused with 403 and change nothing: no row of the database, no e-mail, one log
 * line without any token.
 */
final class Forgeries {

    /** The runtime's FormCsrfFilter logs this for each refused request. */
    static final String REFUSAL_LOG = "[auth] refused a form submission";

    /** Methods sent with the fields in the query string only. Payara answers 400 itself to a DELETE with a body. */
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

    private Forgeries() {}

    /**
     * One forged request.
     *
     * @param name   what it tries, for the assertion messages
     * @param method the HTTP method
     * @param fields the submitted fields
     */
    record Forgery(String name, String method, Map<String, String> fields) {}

    /**
     * @param fields the form's fields as the attacker's page has them, with the clicked button and the attacker's
     *               values, including the attacker's {@code csrfToken}
     * @return the forgeries: by GET and HEAD (with and without a token), by POST without a token, with a wrong one
     *         and with the attacker's (another browser's), and by PUT, DELETE, PATCH and OPTIONS (PUT and PATCH with
     *         the fields also as a form body)
     */
    static List<Forgery> of(Map<String, String> fields) {
        assertThat(fields).as("the attacker's copy of the form").containsKeys("csrfToken", "jakarta.faces.ViewState");
        Map<String, String> noToken = new LinkedHashMap<>(fields);
        noToken.remove("csrfToken");
        Map<String, String> wrongToken = new LinkedHashMap<>(fields);
        wrongToken.put("csrfToken", UUID.randomUUID().toString().replace("-", ""));
        List<Forgery> forgeries = new ArrayList<>();
        forgeries.add(
                new Forgery("GET with the view state, the submit marker and another browser's token", "GET", fields));
        forgeries.add(new Forgery("GET with the view state and no token", "GET", noToken));
        forgeries.add(new Forgery("HEAD with the view state", "HEAD", fields));
        forgeries.add(new Forgery("POST without a token", "POST", noToken));
        forgeries.add(new Forgery("POST with a wrong token", "POST", wrongToken));
        forgeries.add(new Forgery("POST with another browser's token", "POST", fields));
        for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS")) {
            forgeries.add(new Forgery(method + " with the view state and another browser's token", method, fields));
        }
        return forgeries;
    }

    /**
     * Sends each forgery from the victim's browser and checks that it is refused and changes nothing.
     *
     * @param victim     the victim's browser (its cookies go with every request); a supplier, so that a test can
     *                   use a new cookie-less browser for each
     * @param action     the form's action path
     * @param forgeries  the forgeries
     * @param secrets    values that must never reach the log (tokens, cookies)
     */
    static void assertAllRefused(
            Supplier<WebClient> victim, String action, List<Forgery> forgeries, List<String> secrets) {
        for (Forgery forgery : forgeries) {
            WebClient browser = victim.get();
            Map<String, List<String>> before = DemoDatabase.snapshot();
            int mails = DemoEnvironment.mailbox().receivedCount();
            ServerLog log = DemoEnvironment.serverLog();

            HtmlPage response = browser.forge(
                    forgery.method(),
                    action,
                    forgery.fields(),
                    WITHOUT_BODY.contains(forgery.method()) ? null : forgery.fields());

            String what = forgery.name() + " to " + action;
            assertThat(response.status()).as("status of " + what).isEqualTo(403);
            assertThat(response.body())
                    .as("body of " + what)
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain("Caused by");
            if (Set.of("GET", "POST").contains(forgery.method())) {
                assertThat(response.text("problem-title")).as("page of " + what).isEqualTo("This form has expired");
            } else if (!"HEAD".equals(forgery.method())) {
                // Other methods get the runtime's own page (Mojarra's FacesServlet answers 400 to PATCH).
                assertThat(response.text("form-refused")).as("page of " + what).isEqualTo("This form has expired");
            }
            assertThat(DemoDatabase.snapshot()).as("database after " + what).isEqualTo(before);
            assertThat(DemoEnvironment.mailbox().receivedCount())
                    .as("e-mails after " + what)
                    .isEqualTo(mails);
            List<String> lines = log.awaitLines(REFUSAL_LOG, 1);
            assertThat(lines).as("log lines of " + what).hasSize(1);
            assertThat(lines.get(0)).as("log line of " + what).contains(forgery.method() + " " + action);
            List<String> all = new ArrayList<>(secrets);
            all.addAll(browser.cookieValues());
            for (String secret : all) {
                if (secret != null && secret.length() >= 8) {
                    assertThat(log.since()).as("log after " + what).doesNotContain(secret);
                }
            }
        }
    }

    /**
     * @param page     a page with a form
     * @param formId   the form's id
     * @param buttonId the button to "click"
     * @param values   fields to set
     * @return the form's fields as the page has them, with the button and the values
     */
    static Map<String, String> fields(HtmlPage page, String formId, String buttonId, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>(page.form(formId).fields());
        fields.put(buttonId, "clicked");
        fields.putAll(values);
        return fields;
    }
}
