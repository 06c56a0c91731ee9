package dev.authschema.engine.pages;

import dev.authschema.engine.config.EmailCodeSettings;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.config.Theme;
import dev.authschema.engine.mail.DevelopmentMailbox;
import dev.authschema.engine.model.AuthErrorCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's HTML pages, built with {@link HtmlElement} (every value escaped) and styled by the engine's own
 * stylesheet ({@link ThemeStylesheet}, at {@link #STYLESHEET_PATH}): no inline script and no inline style, so a
 * {@code Content-Security-Policy} of {@code default-src 'self'} holds on every page.
 *
 * <p>Every method takes the application's trusted base URL (context path included, no trailing slash): the forms
 * post to it and the stylesheet and a relative logo are loaded from it.
 */
public final class BuiltInPages {

    /** Where the theme's stylesheet is served, relative to the base URL. */
    public static final String STYLESHEET_PATH = "/api/auth/theme.css";

    private final Theme theme;

    /**
     * @param theme the validated theme
     */
    public BuiltInPages(Theme theme) {
        this.theme = theme;
    }

    /**
     * What the sign-in page shows.
     *
     * @param base        the trusted base URL
     * @param providers   the configured providers, in order
     * @param csrfToken   the caller's CSRF token
     * @param callbackUrl where to go after the sign-in, already checked by the redirect policy
     * @param error       an error code from the query ({@code null} for none); only known codes are shown
     * @return the page
     */
    public String signIn(
            String base, List<ProviderConfig> providers, String csrfToken, String callbackUrl, String error) {
        return signIn(base, providers, csrfToken, callbackUrl, error, false);
    }

    /**
     * What the sign-in page shows, after a password reset with a notice that says so.
     *
     * @param base          the trusted base URL
     * @param providers     the configured providers, in order
     * @param csrfToken     the caller's CSRF token
     * @param callbackUrl   where to go after the sign-in, already checked by the redirect policy
     * @param error         an error code from the query ({@code null} for none); only known codes are shown
     * @param passwordReset whether the browser comes from a password reset ({@code ?reset=done})
     * @return the page
     */
    public String signIn(
            String base,
            List<ProviderConfig> providers,
            String csrfToken,
            String callbackUrl,
            String error,
            boolean passwordReset) {
        List<HtmlElement> content = new ArrayList<>();
        content.add(HtmlElement.of("h1").text("Sign in"));
        if (passwordReset && error == null) {
            content.add(HtmlElement.of("p")
                    .attr("role", "status")
                    .text("Your new password is set, and every session of your account has ended. Sign in with it."));
        }
        knownError(error)
                .ifPresent(code -> content.add(HtmlElement.of("p")
                        .attr("class", "error")
                        .attr("role", "alert")
                        .text(code.userMessage())));
        boolean previousWasEmail = false;
        for (ProviderConfig provider : providers) {
            if (provider instanceof PasswordProviderConfig password) {
                if (content.get(content.size() - 1).isTag("form")) {
                    content.add(HtmlElement.of("hr"));
                }
                content.add(passwordSignInForm(base, password, csrfToken, callbackUrl));
                previousWasEmail = true; // a form with fields, set apart like an e-mail form
                continue;
            }
            String action = base + "/api/auth/signin/" + URLEncoder.encode(provider.id(), StandardCharsets.UTF_8);
            HtmlElement form = HtmlElement.of("form")
                    .attr("method", "post")
                    .attr("action", action)
                    .attr("id", "signin-" + provider.id())
                    .attr("class", "provider")
                    .add(hidden("csrfToken", csrfToken))
                    .add(hidden("callbackUrl", callbackUrl));
            if (provider instanceof EmailProviderConfig) {
                String field = "email-" + provider.id();
                form.add(HtmlElement.of("label").attr("for", field).text("E-mail address"))
                        .add(HtmlElement.of("input")
                                .attr("id", field)
                                .attr("type", "email")
                                .attr("name", "email")
                                .attr("autocomplete", "email")
                                .attr("required", "required")
                                .attr("placeholder", "you@example.com"));
            }
            form.add(button("Sign in with " + provider.name()));
            boolean afterAnotherForm = content.get(content.size() - 1).isTag("form");
            if (afterAnotherForm && (provider instanceof EmailProviderConfig || previousWasEmail)) {
                content.add(HtmlElement.of("hr")); // sets an e-mail form apart from the buttons, as Auth.js's page does
            }
            previousWasEmail = provider instanceof EmailProviderConfig;
            content.add(form);
        }
        if (providers.isEmpty()) {
            content.add(HtmlElement.of("p").text("No way to sign in is configured."));
        }
        return page(base, "Sign in", content);
    }

    /** E-mail and password, posting to the provider's callback; links to sign-up and to the forgotten password. */
    private static HtmlElement passwordSignInForm(
            String base, PasswordProviderConfig provider, String csrfToken, String callbackUrl) {
        String id = URLEncoder.encode(provider.id(), StandardCharsets.UTF_8);
        HtmlElement form = HtmlElement.of("form")
                .attr("method", "post")
                .attr("action", base + "/api/auth/callback/" + id)
                .attr("id", "signin-" + provider.id())
                .attr("class", "provider")
                .add(hidden("csrfToken", csrfToken))
                .add(hidden("callbackUrl", callbackUrl))
                .add(emailField("email-" + provider.id()))
                .add(passwordField("password-" + provider.id(), "password", "Password", "current-password", 1))
                .add(button("Sign in with " + provider.name()));
        HtmlElement links = HtmlElement.of("p")
                .add(HtmlElement.of("a")
                        .attr("href", base + "/api/auth/password/forgot")
                        .text("Forgot your password?"));
        if (provider.allowSignUp()) {
            links.text(" ")
                    .add(HtmlElement.of("a")
                            .attr(
                                    "href",
                                    base + "/api/auth/signup/" + id + "?callbackUrl="
                                            + URLEncoder.encode(
                                                    callbackUrl == null ? "" : callbackUrl, StandardCharsets.UTF_8))
                            .text("Create an account"));
        }
        return form.add(links);
    }

    /**
     * @param base        the trusted base URL
     * @param provider    the password provider
     * @param csrfToken   the caller's CSRF token
     * @param callbackUrl where the confirmation link leads, already checked
     * @param error       an error code from the query, or {@code null}
     * @return the sign-up page, whose form posts to {@code /api/auth/signup/{id}}
     */
    public String passwordSignUp(
            String base, PasswordProviderConfig provider, String csrfToken, String callbackUrl, String error) {
        List<HtmlElement> content = new ArrayList<>();
        content.add(HtmlElement.of("h1").text("Create an account"));
        addError(content, error);
        content.add(HtmlElement.of("form")
                .attr("method", "post")
                .attr("action", base + "/api/auth/signup/" + URLEncoder.encode(provider.id(), StandardCharsets.UTF_8))
                .attr("id", "signup-" + provider.id())
                .add(hidden("csrfToken", csrfToken))
                .add(hidden("callbackUrl", callbackUrl))
                .add(emailField("email"))
                .add(passwordField("password", "password", "Password", "new-password", provider.minLength()))
                .add(HtmlElement.of("p")
                        .add(HtmlElement.of("small")
                                .text("At least " + provider.minLength() + " and at most "
                                        + PasswordProviderConfig.MAX_LENGTH + " characters.")))
                .add(button("Create account")));
        return page(base, "Create an account", content);
    }

    /**
     * @param base      the trusted base URL
     * @param csrfToken the caller's CSRF token
     * @return the page to ask for a reset link, whose form posts to {@code /api/auth/password/forgot}
     */
    public String passwordForgot(String base, String csrfToken) {
        return page(
                base,
                "Forgot your password?",
                List.of(
                        HtmlElement.of("h1").text("Forgot your password?"),
                        HtmlElement.of("p").text("We will e-mail you a link to set a new one."),
                        HtmlElement.of("form")
                                .attr("method", "post")
                                .attr("action", base + "/api/auth/password/forgot")
                                .attr("id", "password-forgot")
                                .add(hidden("csrfToken", csrfToken))
                                .add(emailField("email"))
                                .add(button("Send the link"))));
    }

    /**
     * @param base      the trusted base URL
     * @param provider  the password provider
     * @param email     the address from the link (shown; untrusted, escaped)
     * @param token     the link's token, sent back with the form
     * @param csrfToken the caller's CSRF token
     * @param error     an error code from the query, or {@code null}
     * @return the page a reset link opens; only its POST uses the token up
     */
    public String passwordReset(
            String base, PasswordProviderConfig provider, String email, String token, String csrfToken, String error) {
        List<HtmlElement> content = new ArrayList<>();
        content.add(HtmlElement.of("h1").text("Set a new password"));
        addError(content, error);
        if (email != null) {
            content.add(HtmlElement.of("p")
                    .text("For ")
                    .add(HtmlElement.of("strong").text(email)));
        }
        content.add(HtmlElement.of("form")
                .attr("method", "post")
                .attr("action", base + "/api/auth/password/reset")
                .attr("id", "password-reset")
                .add(hidden("csrfToken", csrfToken))
                .add(hidden("email", email))
                .add(hidden("token", token))
                .add(passwordField("newPassword", "newPassword", "New password", "new-password", provider.minLength()))
                .add(button("Set password")));
        return page(base, "Set a new password", content);
    }

    private static void addError(List<HtmlElement> content, String error) {
        knownError(error)
                .ifPresent(code -> content.add(HtmlElement.of("p")
                        .attr("class", "error")
                        .attr("role", "alert")
                        .text(code.userMessage())));
    }

    private static HtmlElement emailField(String id) {
        return HtmlElement.of("span")
                .add(HtmlElement.of("label").attr("for", id).text("E-mail address"))
                .add(HtmlElement.of("input")
                        .attr("id", id)
                        .attr("type", "email")
                        .attr("name", "email")
                        .attr("autocomplete", "email")
                        .attr("required", "required")
                        .attr("placeholder", "you@example.com"));
    }

    private static HtmlElement passwordField(String id, String name, String label, String autocomplete, int min) {
        return HtmlElement.of("span")
                .add(HtmlElement.of("label").attr("for", id).text(label))
                .add(HtmlElement.of("input")
                        .attr("id", id)
                        .attr("type", "password")
                        .attr("name", name)
                        .attr("autocomplete", autocomplete)
                        .attr("required", "required")
                        .attr("minlength", Integer.toString(min))
                        .attr("maxlength", Integer.toString(PasswordProviderConfig.MAX_LENGTH)));
    }

    /**
     * @param base        the trusted base URL
     * @param csrfToken   the caller's CSRF token
     * @param callbackUrl where to go after the sign-out, already checked by the redirect policy
     * @return the sign-out confirmation page, whose form posts to {@code /api/auth/signout}
     */
    public String signOut(String base, String csrfToken, String callbackUrl) {
        HtmlElement form = HtmlElement.of("form")
                .attr("method", "post")
                .attr("action", base + "/api/auth/signout")
                .attr("id", "signout")
                .add(hidden("csrfToken", csrfToken))
                .add(hidden("callbackUrl", callbackUrl))
                .add(button("Sign out"));
        return page(
                base,
                "Sign out",
                List.of(
                        HtmlElement.of("h1").text("Sign out"),
                        HtmlElement.of("p").text("Are you sure you want to sign out?"),
                        form));
    }

    /**
     * @param base the trusted base URL
     * @param code the {@code error} parameter (untrusted), or {@code null}; never echoed, only a known code's message
     * @return the error page, with a link back to the sign-in page
     */
    public String error(String base, String code) {
        AuthErrorCode known = AuthErrorCode.fromQuery(code);
        return page(
                base,
                "Sign-in error",
                List.of(
                        HtmlElement.of("h1").text("Sign-in error"),
                        HtmlElement.of("p").text(known.userMessage()),
                        HtmlElement.of("p")
                                .add(HtmlElement.of("a")
                                        .attr("class", "button")
                                        .attr("href", base + "/api/auth/signin")
                                        .text("Sign in")),
                        HtmlElement.of("p").add(HtmlElement.of("small").text("Error code: " + known.name()))));
    }

    /**
     * @param base              the trusted base URL
     * @param retryAfterSeconds how long the client must wait
     * @return the page of a rate-limited request
     */
    public String rateLimited(String base, long retryAfterSeconds) {
        AuthErrorCode code = AuthErrorCode.RateLimited;
        String wait =
                retryAfterSeconds < 120 ? retryAfterSeconds + " seconds" : ((retryAfterSeconds + 59) / 60) + " minutes";
        return page(
                base,
                "Too many attempts",
                List.of(
                        HtmlElement.of("h1").text("Too many attempts"),
                        HtmlElement.of("p").text(code.userMessage()),
                        HtmlElement.of("p").text("You can try again in " + wait + "."),
                        HtmlElement.of("p").add(HtmlElement.of("small").text("Error code: " + code.name()))));
    }

    /**
     * @param base the trusted base URL
     * @return the "check your e-mail" page
     */
    public String verifyRequest(String base) {
        return verifyRequest(base, false);
    }

    /**
     * @param base     the trusted base URL
     * @param password whether the page follows a password sign-up or reset request: then it says no more than that
     *                 a link went out if the address can have one (it must not tell who has an account)
     * @return the "check your e-mail" page
     */
    public String verifyRequest(String base, boolean password) {
        if (password) {
            return page(
                    base,
                    "Check your e-mail",
                    List.of(
                            HtmlElement.of("h1").text("Check your e-mail"),
                            HtmlElement.of("p")
                                    .text("If the address can be used, we have sent it a link. Follow it to go on.")));
        }
        return page(
                base,
                "Check your e-mail",
                List.of(
                        HtmlElement.of("h1").text("Check your e-mail"),
                        HtmlElement.of("p").text("A sign-in link has been sent to your e-mail address.")));
    }

    /**
     * @param base        the trusted base URL
     * @param action      where the form posts (the e-mail callback)
     * @param email       the address of the link (shown)
     * @param token       the link's token
     * @param callbackUrl the link's callback URL, or {@code null}
     * @param csrfToken   the caller's CSRF token
     * @return the page a sign-in link opens; only its POST uses the token up
     */
    public String confirmEmail(
            String base, String action, String email, String token, String callbackUrl, String csrfToken) {
        HtmlElement form = HtmlElement.of("form")
                .attr("method", "post")
                .attr("action", action)
                .attr("id", "confirm")
                .add(hidden("email", email))
                .add(hidden("token", token))
                .add(hidden("csrfToken", csrfToken))
                .add(callbackUrl == null ? null : hidden("callbackUrl", callbackUrl))
                .add(button("Sign in"));
        return page(
                base,
                "Sign in",
                List.of(
                        HtmlElement.of("h1").text("Sign in"),
                        HtmlElement.of("p")
                                .text("Sign in as ")
                                .add(HtmlElement.of("strong").text(email))
                                .text("?"),
                        form));
    }

    /**
     * @param base         the trusted base URL
     * @param action       where the form posts (the code provider's callback)
     * @param email        the address the code went to, from the browser's own sealed cookie, or {@code null}
     * @param codes        the provider's code settings (length and alphabet shape the input field)
     * @param attemptsLeft attempts left after a wrong code, or {@code null} on the first visit
     * @param csrfToken    the caller's CSRF token
     * @return the page to type a mailed sign-in code into
     */
    public String emailCode(
            String base, String action, String email, EmailCodeSettings codes, Integer attemptsLeft, String csrfToken) {
        List<HtmlElement> content = new ArrayList<>();
        content.add(HtmlElement.of("h1").text("Enter your sign-in code"));
        content.add(
                email == null
                        ? HtmlElement.of("p")
                                .text("Ask for a new code on the sign-in page if this browser did not ask for one.")
                        : HtmlElement.of("p")
                                .text("We sent a code to ")
                                .add(HtmlElement.of("strong").text(email))
                                .text("."));
        if (attemptsLeft != null) {
            content.add(HtmlElement.of("p")
                    .attr("id", "wrong-code")
                    .attr("class", "error")
                    .attr("role", "alert")
                    .text("That code is not right. " + attemptsLeft + " attempts left."));
        }
        HtmlElement input = HtmlElement.of("input")
                .attr("id", "code")
                .attr("name", "code")
                .attr("type", "text")
                .attr("required", "required")
                .attr("autofocus", "autofocus")
                .attr("autocomplete", "one-time-code")
                .attr("spellcheck", "false")
                .attr("maxlength", String.valueOf(codes.length() + 8));
        if (EmailCodeSettings.DIGITS.equals(codes.alphabet())) {
            input.attr("inputmode", "numeric").attr("pattern", "[0-9 ]*");
        }
        content.add(HtmlElement.of("form")
                .attr("method", "post")
                .attr("action", action)
                .attr("id", "email-code")
                .add(HtmlElement.of("label").attr("for", "code").text("Code"))
                .add(input)
                .add(hidden("csrfToken", csrfToken))
                .add(button("Sign in").attr("id", "submit")));
        return page(base, "Sign-in code", content);
    }

    /**
     * The development mailbox: the sign-in e-mails that were not sent, newest first, each with its link or code. Every
     * value is escaped (the address is whatever a visitor typed); the links are the engine's own, built from the
     * trusted base URL.
     *
     * @param base  the trusted base URL
     * @param mails the mails, newest first
     * @return the page
     */
    public String developmentMailbox(String base, List<DevelopmentMailbox.Mail> mails) {
        List<HtmlElement> content = new ArrayList<>();
        content.add(HtmlElement.of("h1").text("Development mailbox"));
        content.add(HtmlElement.of("p")
                .add(HtmlElement.of("small")
                        .text("Development mode without a mail server: the sign-in e-mails of this server, not sent."
                                + " Shown only to this machine; emptied when the server restarts.")));
        if (mails.isEmpty()) {
            content.add(HtmlElement.of("p").attr("id", "no-mail").text("No sign-in e-mails yet."));
        }
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
        for (DevelopmentMailbox.Mail mail : mails) {
            HtmlElement section = HtmlElement.of("section")
                    .attr("class", "mail")
                    .add(HtmlElement.of("p")
                            .text("To ")
                            .add(HtmlElement.of("strong").attr("class", "to").text(mail.to())))
                    .add(HtmlElement.of("p").attr("class", "subject").text(mail.subject()));
            if (mail.isCode()) {
                section.add(HtmlElement.of("p").attr("class", "code").text(mail.code()))
                        .add(HtmlElement.of("p")
                                .add(HtmlElement.of("a")
                                        .attr("class", "link")
                                        .attr("href", mail.url())
                                        .text("Type the code here")));
            } else {
                section.add(HtmlElement.of("p")
                        .add(HtmlElement.of("a")
                                .attr("class", "button link")
                                .attr("href", mail.url())
                                .text("Sign in")));
            }
            section.add(HtmlElement.of("p")
                    .add(HtmlElement.of("small")
                            .text("Sent " + time.format(mail.sentAt().truncatedTo(ChronoUnit.SECONDS))
                                    + ", works until " + time.format(mail.expires()))));
            content.add(section);
        }
        return page(base, "Development mailbox", content);
    }

    private static Optional<AuthErrorCode> knownError(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(AuthErrorCode.fromQuery(code)); // an unknown code shows the generic message
    }

    private static HtmlElement hidden(String name, String value) {
        return HtmlElement.of("input")
                .attr("type", "hidden")
                .attr("name", name)
                .attr("value", value == null ? "" : value);
    }

    private static HtmlElement button(String label) {
        return HtmlElement.of("button").attr("type", "submit").text(label);
    }

    private String page(String base, String title, List<HtmlElement> content) {
        HtmlElement head = HtmlElement.of("head")
                .add(HtmlElement.of("meta").attr("charset", "utf-8"))
                .add(HtmlElement.of("meta")
                        .attr("name", "viewport")
                        .attr("content", "width=device-width," + " initial-scale=1"))
                .add(HtmlElement.of("meta").attr("name", "robots").attr("content", "noindex"))
                .add(HtmlElement.of("title").text(title))
                .add(HtmlElement.of("link").attr("rel", "stylesheet").attr("href", base + STYLESHEET_PATH));
        HtmlElement body = HtmlElement.of("body");
        if (theme.logo() != null) {
            String src = theme.logo().startsWith("/") ? base + theme.logo() : theme.logo(); // validated at start-up
            body.add(
                    HtmlElement.of("img").attr("class", "logo").attr("src", src).attr("alt", ""));
        }
        body.add(HtmlElement.of("main").attr("class", "card").addAll(content));
        return "<!DOCTYPE html>"
                + HtmlElement.of("html").attr("lang", "en").add(head).add(body).render();
    }
}
