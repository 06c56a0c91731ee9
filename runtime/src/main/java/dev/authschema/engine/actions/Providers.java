package dev.authschema.engine.actions;

import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.http.HttpExchange;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/auth/providers}: the configured providers and their endpoints. */
final class Providers {

    private Providers() {}

    /**
     * @return per id {@code {id, name, type, signinUrl, callbackUrl}}, built from the trusted base URL
     */
    static Map<String, Object> json(ActionContext context, HttpExchange exchange) {
        String base = context.baseUrl(exchange) + AuthRouter.BASE_PATH;
        Map<String, Object> json = new LinkedHashMap<>();
        for (ProviderConfig provider : context.config().providers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", provider.id());
            entry.put("name", provider.name());
            entry.put("type", provider.type());
            entry.put("signinUrl", base + "/signin/" + provider.id());
            entry.put("callbackUrl", base + "/callback/" + provider.id());
            json.put(provider.id(), entry);
        }
        return json;
    }
}
