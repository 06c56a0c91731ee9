package dev.authschema.engine.web;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/auth/session} with a body that is a JSON object, as Auth.js's client sends {@code update()}
 * ({@code {"csrfToken": "...", "data": {...}}}): its members are the request's parameters, so that the endpoint reads
 * it as it reads a form, with the same limits and the same CSRF check. No other endpoint reads JSON: there a JSON body
 * is no form, and carries no CSRF token. A string member is its text; a number or boolean its JSON text; an
 * object its JSON text (the {@code data} of a session update); {@code null} is absent.
 *
 * <p>{@link RequestLimits} reads the body (its length known and within the body limit, strict UTF-8, one object, no
 * member twice) before anything else sees the request. A page on another site cannot send {@code application/json}
 * without a CORS preflight, which the engine never grants, and still needs the CSRF token.
 */
final class JsonBodyParameters extends HttpServletRequestWrapper {

    static final String MEDIA_TYPE = "application/json";

    /** The one endpoint, relative to {@code /api/auth}, whose POST may be JSON. */
    static final String SESSION_PATH = "/session";

    /** Why a JSON body is refused: the reason for the one-line answer. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Map<String, String[]> parameters;

    private JsonBodyParameters(HttpServletRequest request, Map<String, String[]> parameters) {
        super(request);
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** Whether the request says its body is JSON ({@code application/json}, with {@code charset=utf-8} at most). */
    static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String[] parts = type.toLowerCase(Locale.ROOT).split(";");
        return parts[0].trim().equals(MEDIA_TYPE);
    }

    /**
     * @param request a POST with a JSON body of known length within the body limit
     * @param body    the body's bytes
     * @return the request with the body's members, and the query string's parameters, as parameters
     * @throws Refused when the body is not a UTF-8 JSON object, declares another charset, has a member that is an
     *                 array, or repeats a query parameter
     */
    static HttpServletRequest of(HttpServletRequest request, byte[] body) throws Refused {
        String type = request.getContentType().toLowerCase(Locale.ROOT).replace(" ", "");
        if (type.contains(";") && !type.endsWith(";charset=utf-8")) {
            throw new Refused("a JSON body is UTF-8; the Content-Type names another charset or parameter");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused("the JSON body is not valid UTF-8");
        }
        Map<String, Object> members;
        try {
            members = JSONObjectUtils.parse(text, body.length);
        } catch (ParseException e) {
            throw new Refused("the body is not one JSON object (or repeats a member)");
        }
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        for (Map.Entry<String, Object> member : members.entrySet()) {
            Object value = member.getValue();
            if (value == null) {
                continue;
            }
            if (value instanceof java.util.List<?>) {
                throw new Refused("the JSON member " + member.getKey() + " is an array");
            }
            String parameter = value instanceof String string
                    ? string
                    : value instanceof Map<?, ?> object
                            ? JSONObjectUtils.toJSONString(stringKeys(object))
                            : String.valueOf(value);
            if (parameters.putIfAbsent(member.getKey(), new String[] {parameter}) != null) {
                throw new Refused("the parameter " + member.getKey() + " is sent more than once");
            }
        }
        return new JsonBodyParameters(request, parameters);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> object) {
        return (Map<String, ?>) object; // a parsed JSON object's keys are strings
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }
}
