package dev.authschema.demo.web;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.web.ServletExchange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The engine's CSRF token for the hidden field {@code csrfToken} of every form (see {@link FormCsrfFilter}); issuing
 * it sets the double-submit cookie when the browser has none yet.
 */
@Named("csrf")
@RequestScoped
public class CsrfTokenBean {

    @Inject
    AuthEngine engine;

    private String token;

    /**
     * @return the token for this browser
     */
    public String getToken() {
        if (token == null) {
            token = engine.csrfToken(new ServletExchange(FacesRequest.request(), FacesRequest.response()));
        }
        return token;
    }
}
