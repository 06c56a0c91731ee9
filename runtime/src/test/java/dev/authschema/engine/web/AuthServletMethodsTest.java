package dev.authschema.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthServletMethodsTest {

    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "TRACE", "PUT", "DELETE", "PROPFIND", "BREW"})
    void every_method_the_endpoints_do_not_serve_is_405_with_allow(String method) throws Exception {
        Map<String, Object> answered = new HashMap<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getPathInfo" -> "/session";
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "sendError" -> answered.put("status", args[0]);
                        case "setStatus" -> answered.put("status", args[0]);
                        case "setHeader" -> answered.put(String.valueOf(args[0]), args[1]);
                        default -> {
                            // other calls are not expected to matter
                        }
                    }
                    return null;
                });

        new AuthServlet().service(request, response);

        assertThat(answered).containsEntry("status", 405).containsEntry("Allow", AuthServlet.ALLOWED_METHODS);
    }
}
