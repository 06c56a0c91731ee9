package dev.authschema.engine.web.forms;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests a page application would process as a form submission, and so must carry the browser's CSRF token.
 *
 * <p>Jakarta Faces treats every request that carries {@code jakarta.faces.ViewState} as a postback, whatever its
 * method (MyFaces also needs the form's {@code <form id>_SUBMIT} field, Mojarra a field named like the form): a
 * check on POST alone is bypassed by a cross-site GET. So:
 * <ul>
 *   <li>a request that carries a Faces form field is a form submission, and a form submission is accepted only as
 *       a POST (its token would leak through a URL's history, logs and {@code Referer} otherwise);</li>
 *   <li>every POST, and every other method that is not GET, HEAD or OPTIONS (PUT, DELETE, PATCH, TRACE, ...), is a
 *       state change and needs the token (form field {@code csrfToken} or header {@code X-CSRF-Token});</li>
 *   <li>GET, HEAD and OPTIONS without Faces form fields pass: they must not change anything.</li>
 * </ul>
 */
public final class FormSubmissions {

    /** What to do with a request. */
    public enum Verdict {
        /** A safe request: let it through unchecked. */
        PASS,
        /** A state change: let it through only with the browser's token. */
        REQUIRE_TOKEN,
        /** A form submission by a method other than POST: refuse it, token or not. */
        REFUSE
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final Set<String> FACES_FIELDS = Set.of(
            "jakarta.faces.ViewState",
            "javax.faces.ViewState",
            "jakarta.faces.source",
            "javax.faces.source",
            "jakarta.faces.partial.ajax",
            "javax.faces.partial.ajax",
            "jakarta.faces.partial.execute",
            "javax.faces.partial.execute",
            "jakarta.faces.behavior.event",
            "javax.faces.behavior.event");

    private FormSubmissions() {}

    /**
     * @param method         the request's method
     * @param parameterNames the names of its parameters (query string, and for POST the form body)
     * @return what to do with it
     */
    public static Verdict judge(String method, Collection<String> parameterNames) {
        String upper = method.toUpperCase(Locale.ROOT);
        boolean formFields = parameterNames.stream().anyMatch(FormSubmissions::isFormSubmissionField);
        if ("POST".equals(upper)) {
            return Verdict.REQUIRE_TOKEN;
        }
        if (formFields) {
            return Verdict.REFUSE;
        }
        return SAFE_METHODS.contains(upper) ? Verdict.PASS : Verdict.REQUIRE_TOKEN;
    }

    /**
     * @param secFetchSite the request's {@code Sec-Fetch-Site} header (set by the browser, not by page scripts), or
     *                     {@code null} where the client sends none
     * @return whether the browser says another site sent the request: {@code cross-site}, or {@code same-site} (a
     *         sibling subdomain, which can also set cookies for this host)
     */
    public static boolean fromAnotherSite(String secFetchSite) {
        return secFetchSite != null
                && switch (secFetchSite.strip().toLowerCase(Locale.ROOT)) {
                    case "cross-site", "same-site" -> true;
                    default -> false;
                };
    }

    /**
     * @param name a parameter name
     * @return whether a Faces implementation takes it as a sign of a form submission: the view state, the Ajax
     *         fields, or MyFaces's {@code <form id>_SUBMIT}
     */
    public static boolean isFormSubmissionField(String name) {
        return FACES_FIELDS.contains(name) || name.endsWith("_SUBMIT");
    }
}
