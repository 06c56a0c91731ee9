package dev.authschema.demo.web;

import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.demo.account.MemberAccounts;
import dev.authschema.demo.account.SignInMethods;
import dev.authschema.demo.auth.LinkedAccount;
import dev.authschema.demo.auth.Member;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.cdi.AuthService;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.model.ActiveSession;
import dev.authschema.engine.model.AuthSession;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in member's account page: profile, linked sign-in methods and passkeys, active sessions, sign-out. */
@Named("account")
@RequestScoped
public class AccountBean {

    private static final String PAGE = "/account.xhtml";

    /** Longest display name, as the page's validator says. */
    static final int MAX_DISPLAY_NAME = 80;

    @Inject
    AuthService auth;

    @Inject
    AuthEngine engine;

    @Inject
    AuthAdapter adapter;

    @Inject
    MemberAccounts accounts;

    private Member member;
    private String displayName;
    private List<AccountRow> linkedAccounts;
    private List<SessionRow> sessions;
    private List<AdapterAuthenticator> passkeys;
    private String currentPassword;
    private String newPassword;

    /**
     * A linked provider account as the page lists it.
     *
     * @param id                the row id
     * @param providerName      the provider's display name
     * @param providerAccountId the member's id at the provider
     */
    public record AccountRow(String id, String providerName, String providerAccountId) {}

    /**
     * An active session as the page lists it, from the engine's {@code AuthService.sessions}.
     *
     * @param handle    the engine's opaque name of the session (never its token)
     * @param device    browser and system, from the session's extra field {@code userAgent}
     * @param ipAddress where it was first used from, the extra field {@code ipAddress}
     * @param signedIn  when it began, the extra field {@code createdAt}
     * @param expires   when it ends unless used
     * @param current   whether it is the session of this browser
     */
    public record SessionRow(
            String handle, String device, String ipAddress, String signedIn, String expires, boolean current) {}

    @PostConstruct
    void load() {
        Optional<AuthSession> session = auth.session(FacesRequest.request(), FacesRequest.response());
        member = session.flatMap(s -> accounts.member(s.user().id())).orElse(null);
        if (member == null) {
            return; // the page is protected; this happens only when the session ended during the request
        }
        displayName = member.getDisplayName();
        linkedAccounts = accounts.accountsOf(member.getId()).stream()
                .map(a -> new AccountRow(a.getId(), providerName(a.getProvider()), a.getProviderAccountId()))
                .toList();
        passkeys = auth.passkeys(FacesRequest.request(), FacesRequest.response());
        // JWT sessions are cookies no server keeps: nothing to list (AuthService.sessions would say so).
        sessions = engine.config().sessionStrategy() == SessionStrategy.DATABASE
                ? auth.sessions(FacesRequest.request(), FacesRequest.response()).stream()
                        .map(AccountBean::sessionRow)
                        .toList()
                : List.of();
    }

    private static SessionRow sessionRow(ActiveSession session) {
        Object userAgent = session.extras().get("userAgent");
        Object ipAddress = session.extras().get("ipAddress");
        Object createdAt = session.extras().get("createdAt");
        return new SessionRow(
                session.handle(),
                UserAgents.describe(userAgent instanceof String agent ? agent : null),
                ipAddress instanceof String ip ? ip : "",
                createdAt instanceof Instant at ? Times.format(at) : "",
                Times.format(session.expires()),
                session.current());
    }

    private String providerName(String providerId) {
        return engine.config().provider(providerId).map(ProviderConfig::name).orElse(providerId);
    }

    // ---- profile ------------------------------------------------------------------------------------------

    /**
     * Saves the display name (the schema's extra field {@code displayName}). The page's validator refuses a longer
     * name; this check keeps the promise if the page changes: never report a name saved that was not.
     */
    public String saveProfile() {
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        if (name != null && name.length() > MAX_DISPLAY_NAME) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            "profile-form:displayName",
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    "A display name can have at most " + MAX_DISPLAY_NAME
                                            + " characters; it was not saved.",
                                    null));
            return null;
        }
        adapter.updateUser(UserUpdate.of(member.getId()).withExtra("displayName", name));
        return back(AccountNotice.PROFILE_SAVED);
    }

    // ---- linked accounts ----------------------------------------------------------------------------------

    /**
     * @return the configured OAuth providers the member has not linked yet
     */
    public List<ProviderButton> getLinkableProviders() {
        Set<String> linked = accounts.accountsOf(member.getId()).stream()
                .map(LinkedAccount::getProvider)
                .collect(Collectors.toSet());
        return engine.config().providers().stream()
                .filter(OAuthProviderConfig.class::isInstance)
                .filter(p -> !linked.contains(p.id()))
                .map(p -> new ProviderButton(p.id(), p.name()))
                .toList();
    }

    /**
     * @param providerId a provider id
     * @return whether the member can link it now
     */
    public boolean canLink(String providerId) {
        return getLinkableProviders().stream().anyMatch(p -> p.id().equals(providerId));
    }

    /**
     * Links another provider: signing in with it while signed in adds it to this member.
     *
     * @param providerId the provider id
     */
    public void link(String providerId) {
        FacesRequest.redirect(auth.signIn(
                FacesRequest.request(),
                FacesRequest.response(),
                providerId,
                Map.of("callbackUrl", FacesRequest.request().getContextPath() + PAGE)));
    }

    /**
     * @return whether any account may be unlinked without locking the member out
     */
    public boolean isUnlinkAllowed() {
        return SignInMethods.canUnlinkOne(linkedAccounts.size() + passkeys.size(), canUseEmailLink());
    }

    // ---- password -----------------------------------------------------------------------------------------

    /**
     * @return whether the member can change a password here: the provider is on and the member has one (a member
     *     without one sets it through "Forgot your password?")
     */
    public boolean isPasswordChangeable() {
        return member != null
                && member.getPasswordHash() != null
                && engine.config().providers().stream().anyMatch(PasswordProviderConfig.class::isInstance);
    }

    /**
     * Changes the password through the engine: back here with a notice, or to the error page (a wrong current
     * password is {@code CredentialsSignin}, a new one outside the length rule {@code PasswordRejected}).
     */
    public void changePassword() {
        FacesRequest.redirect(auth.changePassword(
                FacesRequest.request(),
                FacesRequest.response(),
                currentPassword,
                newPassword,
                FacesRequest.request().getContextPath() + PAGE + "?notice=" + AccountNotice.PASSWORD_CHANGED.name()));
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    // ---- passkeys -----------------------------------------------------------------------------------------

    /**
     * @return whether the passkey provider is configured
     */
    public boolean isPasskeysOn() {
        return engine.config().providers().stream().anyMatch(PasskeyProviderConfig.class::isInstance);
    }

    /**
     * @return the member's passkeys, through the engine ({@code AuthService.passkeys})
     */
    public List<AdapterAuthenticator> getPasskeys() {
        return passkeys;
    }

    /**
     * @param credentialId the passkey's credential id
     * @return the redirect back to this page
     */
    public String removePasskey(String credentialId) {
        if (!accounts.removePasskey(member.getId(), credentialId, canUseEmailLink())) {
            return back(AccountNotice.LAST_SIGN_IN_METHOD);
        }
        return back(AccountNotice.PASSKEY_REMOVED);
    }

    /**
     * @return whether the member can sign in with an e-mail link
     */
    public boolean canUseEmailLink() {
        return member.getEmail() != null
                && engine.config().providers().stream().anyMatch(EmailProviderConfig.class::isInstance);
    }

    /**
     * @param accountId the linked account's row id
     * @return the redirect back to this page
     */
    public String unlink(String accountId) {
        if (!accounts.unlink(member.getId(), accountId, canUseEmailLink())) {
            return back(AccountNotice.LAST_SIGN_IN_METHOD);
        }
        return back(AccountNotice.UNLINKED);
    }

    // ---- sessions -----------------------------------------------------------------------------------------

    /**
     * Ends one of the member's sessions through the engine, which ends only the member's own.
     *
     * @param handle the session's handle from the list
     * @return the redirect back to this page
     */
    public String endSession(String handle) {
        if (engine.config().sessionStrategy() != SessionStrategy.DATABASE
                || !auth.endSession(FacesRequest.request(), FacesRequest.response(), handle)) {
            return back(AccountNotice.SESSION_ALREADY_ENDED);
        }
        return back(AccountNotice.SESSION_ENDED);
    }

    /** Signs out every other session of the member. */
    public String endOtherSessions() {
        auth.signOutOtherSessions(FacesRequest.request(), FacesRequest.response());
        return back(AccountNotice.OTHER_SESSIONS_ENDED);
    }

    /** Signs out this browser. */
    public void signOut() {
        FacesRequest.redirect(auth.signOut(
                FacesRequest.request(),
                FacesRequest.response(),
                FacesRequest.request().getContextPath() + "/signin.xhtml?signedOut=true"));
    }

    /**
     * Back to this page with a notice. The notice travels in the URL, not in a flash scope, so the page keeps
     * working without an HttpSession.
     */
    private static String back(AccountNotice notice) {
        return PAGE + "?faces-redirect=true&notice=" + notice.name();
    }

    /**
     * @return the notice of the action that led here, if any
     */
    public AccountNotice getNotice() {
        return AccountNotice.fromQuery(FacesRequest.parameter("notice"));
    }

    // ---- page data ----------------------------------------------------------------------------------------

    public Member getMember() {
        return member;
    }

    /**
     * @return the member's role, which is also their Jakarta Security group
     */
    public String getRole() {
        return member.getRole() == null ? "" : member.getRole().name();
    }

    /**
     * @return when the member joined
     */
    public String getJoined() {
        return Times.format(member.getJoinedAt());
    }

    /**
     * @return whether the member may open the admin page
     */
    public boolean isAdmin() {
        return FacesRequest.request().isUserInRole("ADMIN");
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<AccountRow> getLinkedAccounts() {
        return linkedAccounts;
    }

    public List<SessionRow> getSessions() {
        return sessions;
    }

    /**
     * @return whether other sessions than this one are active
     */
    public boolean hasOtherSessions() {
        return sessions.stream().anyMatch(s -> !s.current());
    }
}
