package dev.authschema.engine.cdi;

import dev.authschema.engine.http.CookieSpec;
import dev.authschema.engine.http.HttpExchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An exchange whose parameters come from the caller's map instead of the request (JSF passes them in code). */
final class ParameterOverlay implements HttpExchange {

    private final HttpExchange delegate;
    private final Map<String, String> parameters;

    ParameterOverlay(HttpExchange delegate, Map<String, String> parameters) {
        this.delegate = delegate;
        this.parameters = Map.copyOf(parameters);
    }

    @Override
    public String method() {
        return delegate.method();
    }

    @Override
    public Optional<String> cookie(String name) {
        return delegate.cookie(name);
    }

    @Override
    public String parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public String header(String name) {
        return delegate.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return delegate.headers(name);
    }

    @Override
    public boolean secure() {
        return delegate.secure();
    }

    @Override
    public String baseUrl() {
        return delegate.baseUrl();
    }

    @Override
    public String contextPath() {
        return delegate.contextPath();
    }

    @Override
    public void addCookie(CookieSpec cookie) {
        delegate.addCookie(cookie);
    }

    @Override
    public String clientAddress() {
        return delegate.clientAddress();
    }
}
