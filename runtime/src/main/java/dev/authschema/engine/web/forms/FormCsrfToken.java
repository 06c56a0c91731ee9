package dev.authschema.engine.web.forms;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.engine.web.ServletExchange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser's CSRF token for the hidden field {@code csrfToken} that {@link FormCsrfFilter} checks, as
 * {@code #{authCsrf.token}} in Faces pages (the composite component {@code <auth:csrfToken/>} of
 * {@code xmlns:auth="jakarta.faces.composite/authschema"} writes the whole field). Asking for it sets the
 * double-submit cookie when the browser has none yet, so the page must ask before its response is committed:
 * Faces pages rendered into a buffer (the default) are.
 */
@Named("authCsrf")
@RequestScoped
public class FormCsrfToken {

    @Inject
    AuthEngine engine;

    private String token;

    /**
     * @return the token of this browser, the same for every form of the page
     */
    public String getToken() {
        if (token == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            token = engine.csrfToken(new ServletExchange(
                    (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse()));
        }
        return token;
    }

    /**
     * @return the field's name, {@code csrfToken}
     */
    public String getFieldName() {
        return CsrfTokens.FORM_FIELD;
    }

    /**
     * The hidden field for a form written by a servlet:
     * {@code out.print(FormCsrfToken.hiddenField(auth.csrfToken(request, response)))}.
     *
     * @param token the token, from {@code AuthService.csrfToken}
     * @return {@code <input type="hidden" name="csrfToken" value="...">}, the value HTML-escaped
     */
    public static String hiddenField(String token) {
        String escaped = token.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
        return "<input type=\"hidden\" name=\"" + CsrfTokens.FORM_FIELD + "\" value=\"" + escaped + "\">";
    }
}
