package dev.authschema.engine.testing;

import dev.authschema.engine.http.CookieSpec;
import dev.authschema.engine.http.HttpExchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request and response in memory; {@link #browser()} carries cookies from one exchange to the next. */
public final class FakeExchange implements HttpExchange {

    private final String method;
    private final Map<String, String> requestCookies;
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final boolean secure;
    private final String baseUrl;
    private final List<CookieSpec> setCookies = new ArrayList<>();

    public FakeExchange(String method, Map<String, String> cookies, boolean secure, String baseUrl) {
        this.method = method;
        this.requestCookies = new LinkedHashMap<>(cookies);
        this.secure = secure;
        this.baseUrl = baseUrl;
    }

    public static FakeExchange get(Map<String, String> cookies) {
        return new FakeExchange("GET", cookies, false, "http://localhost:8080/app");
    }

    public static FakeExchange post(Map<String, String> cookies) {
        return new FakeExchange("POST", cookies, false, "http://localhost:8080/app");
    }

    public FakeExchange param(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    private String clientAddress = "203.0.113.7";

    /** Sets the client address the rate limits count by (default 203.0.113.7). */
    public FakeExchange from(String address) {
        this.clientAddress = address;
        return this;
    }

    @Override
    public String clientAddress() {
        return clientAddress;
    }

    public FakeExchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public List<CookieSpec> setCookies() {
        return setCookies;
    }

    public Optional<CookieSpec> setCookie(String name) {
        CookieSpec last = null;
        for (CookieSpec cookie : setCookies) {
            if (cookie.name().equals(name)) {
                last = cookie;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The cookies a browser holds after this exchange: the request's, updated by the response's. */
    public Map<String, String> browser() {
        Map<String, String> jar = new LinkedHashMap<>(requestCookies);
        for (CookieSpec cookie : setCookies) {
            if (cookie.maxAge() != null && cookie.maxAge().isZero()) {
                jar.remove(cookie.name());
            } else {
                jar.put(cookie.name(), cookie.value());
            }
        }
        return jar;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(requestCookies.get(name));
    }

    @Override
    public String parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void addCookie(CookieSpec cookie) {
        setCookies.add(cookie);
    }
}
