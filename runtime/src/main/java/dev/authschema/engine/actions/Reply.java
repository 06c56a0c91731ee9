package dev.authschema.engine.actions;

import java.util.Map;

/**
 * What an endpoint answers, decided by the router without a servlet in sight; {@code AuthServlet} writes it.
 */
public sealed interface Reply {

    /**
     * A JSON body.
     *
     * @param status  the status code
     * @param body    the object to write
     * @param headers extra response headers
     */
    record Json(int status, Map<String, ?> body, Map<String, String> headers) implements Reply {

        static Json ok(Map<String, ?> body) {
            return new Json(200, body, Map.of());
        }
    }

    /**
     * An HTML page.
     *
     * @param status  the status code
     * @param page    the whole document
     * @param headers extra response headers
     */
    record Html(int status, String page, Map<String, String> headers) implements Reply {

        static Html ok(String page) {
            return new Html(200, page, Map.of());
        }
    }

    /**
     * A 302 to a URL the engine built from the trusted base URL.
     *
     * @param url the target
     */
    record Redirect(String url) implements Reply {}

    /**
     * A short plain-text refusal; whatever the response held before is discarded.
     *
     * @param status the status code
     * @param text   the body
     */
    record Refusal(int status, String text) implements Reply {}

    /**
     * A JavaScript file the engine serves.
     *
     * @param source the script
     */
    record Script(String source) implements Reply {}

    /**
     * The built-in pages' stylesheet ({@code text/css}); the same for every caller, so it may be cached.
     *
     * @param css the stylesheet
     */
    record Stylesheet(String css) implements Reply {}

    /** No such endpoint: the container's 404. */
    record NotFound() implements Reply {}
}
