package dev.authschema.engine.actions;

/**
 * {@code GET /api/auth/error?error=Code}: the built-in error page. An unknown code shows the generic message; the page
 * never echoes the parameter.
 */
final class ErrorPage {

    private ErrorPage() {
    }

    /**
     * @param code the {@code error} parameter (untrusted), or {@code null}
     */
    static Reply page(String code) {
        return Reply.Html.ok(BuiltInPages.error(code));
    }
}
