package dev.authschema.engine.web;

import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.engine.http.InputLimits;
import dev.authschema.engine.log.FlowLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The first thing {@link AuthServlet} does with a request: refuses, before the engine sees it, a body over
 * {@link InputLimits#MAX_BODY_BYTES}, a form body of unknown length, a query or form that cannot be decoded, and any
 * parameter over its {@link InputLimits} limit or sent twice. The answer is a 4xx with a one-line plain-text reason,
 * and the log gets one line (never a stack trace), so such requests can neither flood the log nor reach the database
 * or the mail server.
 */
final class RequestLimits {

    private static final String FORM = "application/x-www-form-urlencoded";

    private RequestLimits() {}

    /**
     * @param request  a request to {@code /api/auth/*}
     * @param response its response; written when the request is refused
     * @param log      where the refusal is logged
     * @return whether the request may go on; when {@code false} it has been answered
     * @throws IOException if the refusal cannot be written
     */
    static boolean admit(HttpServletRequest request, HttpServletResponse response, FlowLog log) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.replaceFirst("^/", "").split("/", 2);
        if (parts.length > 1 && parts[1].length() > InputLimits.MAX_PROVIDER_ID) {
            return refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_NOT_FOUND,
                    "the provider id is longer than " + InputLimits.MAX_PROVIDER_ID + " characters");
        }
        String csrfHeader = request.getHeader(CsrfTokens.HEADER);
        if (csrfHeader != null && csrfHeader.length() > InputLimits.MAX_CSRF_TOKEN) {
            return refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "the " + CsrfTokens.HEADER + " header is longer than " + InputLimits.MAX_CSRF_TOKEN
                            + " characters");
        }
        long length = request.getContentLengthLong();
        if (length > InputLimits.MAX_BODY_BYTES) {
            return refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "the body is larger than " + InputLimits.MAX_BODY_BYTES + " bytes");
        }
        if (length < 0 && isForm(request)) {
            // A chunked form would be read whole by the container before any limit could apply.
            return refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_LENGTH_REQUIRED,
                    "a form body needs a Content-Length");
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException malformed) { // the container's decoder: broken %-escapes, unknown charset, ...
            return refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "the query string or form body cannot be decoded");
        }
        if (parameters.size() > InputLimits.MAX_PARAMETERS) {
            return refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "more than " + InputLimits.MAX_PARAMETERS + " parameters");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.length() > InputLimits.MAX_PARAMETER_NAME) {
                return refuse(
                        request,
                        response,
                        log,
                        HttpServletResponse.SC_BAD_REQUEST,
                        "a parameter name is longer than " + InputLimits.MAX_PARAMETER_NAME + " characters");
            }
            String[] values = parameter.getValue();
            if (values.length > 1) {
                // Which copy counts would depend on the reader: refuse rather than guess.
                return refuse(
                        request,
                        response,
                        log,
                        HttpServletResponse.SC_BAD_REQUEST,
                        "the parameter " + name + " is sent more than once");
            }
            for (String value : values) {
                String tooLong = InputLimits.tooLong(name, value);
                if (tooLong != null) {
                    return refuse(request, response, log, HttpServletResponse.SC_BAD_REQUEST, tooLong);
                }
                if (value != null && value.indexOf('\uFFFD') >= 0) {
                    return refuse(
                            request,
                            response,
                            log,
                            HttpServletResponse.SC_BAD_REQUEST,
                            "the parameter " + name + " is not valid UTF-8");
                }
            }
        }
        return true;
    }

    /**
     * A POST with a JSON body ({@link JsonBodyParameters}): the body is read here, its length known and within
     * {@link InputLimits#MAX_BODY_BYTES}, before {@link #admit} checks its members like a form's.
     *
     * @return the request with the body's members as parameters, or empty when it was refused and answered
     */
    static Optional<HttpServletRequest> withJsonBody(
            HttpServletRequest request, HttpServletResponse response, FlowLog log) throws IOException {
        long length = request.getContentLengthLong();
        if (length < 0) {
            refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_LENGTH_REQUIRED,
                    "a JSON body needs a Content-Length");
            return Optional.empty();
        }
        if (length > InputLimits.MAX_BODY_BYTES) {
            refuse(
                    request,
                    response,
                    log,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "the body is larger than " + InputLimits.MAX_BODY_BYTES + " bytes");
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes((int) length);
        if (body.length != length) {
            refuse(request, response, log, HttpServletResponse.SC_BAD_REQUEST, "the body is shorter than its length");
            return Optional.empty();
        }
        try {
            return Optional.of(JsonBodyParameters.of(request, body));
        } catch (JsonBodyParameters.Refused refused) {
            refuse(request, response, log, HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    private static boolean refuse(
            HttpServletRequest request, HttpServletResponse response, FlowLog log, int status, String reason)
            throws IOException {
        log.warn("refused " + request.getMethod() + " " + printable(request.getPathInfo()) + ": " + printable(reason));
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("Bad request: " + reason + ".\n");
        return false;
    }

    /** Attacker-chosen text for a log line: see {@link FlowLog#untrusted(String)}. */
    static String printable(String text) {
        return FlowLog.untrusted(text);
    }
}
