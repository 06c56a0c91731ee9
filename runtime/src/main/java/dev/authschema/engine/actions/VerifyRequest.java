package dev.authschema.engine.actions;

/** {@code GET /api/auth/verify-request}: the built-in "check your e-mail" page after an e-mail sign-in. */
final class VerifyRequest {

    private VerifyRequest() {
    }

    static Reply page() {
        return Reply.Html.ok(BuiltInPages.verifyRequest());
    }
}
