package dev.authschema.engineit.app;

import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.config.Callbacks;
import dev.authschema.engine.config.JwtCallback;
import dev.authschema.engine.config.SessionCallback;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.config.SignInDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's callbacks, as an application would write them, so that the tests can see what the engine passes:
 *
 * <ul>
 *   <li>JWT: the sign-in's trigger goes into the claim {@code signedInAs} ({@code SIGN_UP} or {@code SIGN_IN}); on
 *       {@code UPDATE}, a {@code nickname} of the data (a string of at most {@value #MAX_NICKNAME} characters) into the
 *       claim {@code nickname}; and, carelessly, a {@code bio} of any length into the claim {@code bio} (so that a test
 *       can make the token outgrow a cookie); nothing else of the data.</li>
 *   <li>Session: the JSON gets {@code trigger} (or {@code "none"}), {@code signedInAs} and {@code nickname} of the
 *       session's attributes, and on {@code UPDATE} {@code asked}: the data's checked {@code nickname}.</li>
 *   <li>signIn: addresses at {@code waitlist.test} are sent to the app's page {@code /waitlist} instead, those at
 *       {@code offsite.test} to another site (which the redirect policy must replace).</li>
 * </ul>
 */
final class ItCallbacks {

    /** Longest nickname the callbacks take from an update. */
    static final int MAX_NICKNAME = 40;

    private ItCallbacks() {}

    /**
     * @param contextPath the deployment's context root, for the wait-list page
     * @return the callbacks
     */
    static Callbacks of(String contextPath) {
        return Callbacks.defaults()
                .withJwt(JwtCallback.withTrigger(input -> {
                    Map<String, Object> token = new LinkedHashMap<>(input.token());
                    if (input.trigger() == CallbackTrigger.SIGN_IN || input.trigger() == CallbackTrigger.SIGN_UP) {
                        token.put("signedInAs", input.trigger().name());
                    }
                    String nickname = input.trigger() == CallbackTrigger.UPDATE ? nickname(input.session()) : null;
                    if (nickname != null) {
                        token.put("nickname", nickname);
                    }
                    if (input.trigger() == CallbackTrigger.UPDATE
                            && input.session().get("bio") instanceof String bio) {
                        token.put("bio", bio); // careless on purpose: unbounded, for the cookie size limit's test
                    }
                    return token;
                }))
                .withSession(SessionCallback.withTrigger(input -> {
                    Map<String, Object> json = new LinkedHashMap<>(input.session());
                    json.put(
                            "trigger",
                            input.trigger() == null ? "none" : input.trigger().name());
                    putIfPresent(json, "signedInAs", input.user().attributes().get("signedInAs"));
                    putIfPresent(json, "nickname", input.user().attributes().get("nickname"));
                    if (input.trigger() == CallbackTrigger.UPDATE) {
                        putIfPresent(json, "asked", nickname(input.newSession()));
                    }
                    return json;
                }))
                .withSignIn(SignInCallback.deciding((user, account, profile, provider) -> {
                    String email = user.email() == null ? "" : user.email();
                    if (email.endsWith("@waitlist.test")) {
                        return SignInDecision.redirect(contextPath + "/waitlist");
                    }
                    return email.endsWith("@offsite.test")
                            ? SignInDecision.redirect("https://evil.example/phish")
                            : SignInDecision.allow();
                }));
    }

    private static String nickname(Map<String, Object> data) {
        return data != null && data.get("nickname") instanceof String name && name.length() <= MAX_NICKNAME
                ? name
                : null;
    }

    private static void putIfPresent(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
