package dev.authschema.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The cookies of one client as a plain map that tests can read, forge and damage: what {@code Set-Cookie} headers
 * set, with no domain, path or expiry rules (a cookie is gone when it is set empty or with {@code Max-Age=0}).
 */
public final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Consumer<String> valueSet;

    /**
     * @param valueSet told every cookie value a response sets (e.g. to remember it for a log check)
     */
    public CookieJar(Consumer<String> valueSet) {
        this.valueSet = valueSet;
    }

    /**
     * @param setCookies a response's {@code Set-Cookie} header values
     */
    public void receive(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
                valueSet.accept(value);
            }
        }
    }

    /**
     * @param name a cookie name
     * @return its value, if the jar holds it
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /**
     * @param name  a cookie name
     * @param value the value the next requests send
     */
    public void put(String name, String value) {
        cookies.put(name, value);
    }

    /**
     * @param name a cookie name the next requests do not send
     */
    public void remove(String name) {
        cookies.remove(name);
    }

    /**
     * @return a copy of every cookie, name to value
     */
    public Map<String, String> all() {
        return Map.copyOf(cookies);
    }

    /**
     * @return the cookies as one {@code Cookie} header value, empty when there are none
     */
    public String header() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
