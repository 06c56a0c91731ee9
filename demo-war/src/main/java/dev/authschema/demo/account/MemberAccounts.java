package dev.authschema.demo.account;

import dev.authschema.demo.auth.LinkedAccount;
import dev.authschema.demo.auth.Member;
import dev.authschema.demo.auth.Passkey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The account page's reads and writes over the generated entities. Every write names the member it acts for, so a
 * request can never touch another member's accounts; sessions are listed and ended by the engine
 * ({@code AuthService.sessions}, {@code endSession}).
 */
@ApplicationScoped
@Transactional
public class MemberAccounts {

    @PersistenceContext
    EntityManager em;

    /**
     * @param memberId a member id
     * @return the member
     */
    public Optional<Member> member(String memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId));
    }

    /**
     * @param memberId a member id
     * @return the member's linked provider accounts, by provider
     */
    public List<LinkedAccount> accountsOf(String memberId) {
        return em.createQuery(
                        "SELECT a FROM LinkedAccount a WHERE a.userId = :member ORDER BY a.provider",
                        LinkedAccount.class)
                .setParameter("member", memberId)
                .getResultList();
    }

    /**
     * @param memberId a member id
     * @return the member's passkeys
     */
    public List<Passkey> passkeysOf(String memberId) {
        return em.createQuery("SELECT p FROM Passkey p WHERE p.userId = :member ORDER BY p.credentialID", Passkey.class)
                .setParameter("member", memberId)
                .getResultList();
    }

    /**
     * Removes one passkey of the member, unless it is their last way to sign in.
     *
     * @param memberId        the member
     * @param credentialId    the passkey's credential id
     * @param canUseEmailLink whether the member can sign in by e-mail link
     * @return whether it was removed
     */
    public boolean removePasskey(String memberId, String credentialId, boolean canUseEmailLink) {
        List<Passkey> passkeys = passkeysOf(memberId);
        Optional<Passkey> target = passkeys.stream()
                .filter(p -> p.getCredentialID().equals(credentialId))
                .findFirst();
        if (target.isEmpty()
                || !SignInMethods.canUnlinkOne(
                        passkeys.size() + accountsOf(memberId).size(), canUseEmailLink)) {
            return false;
        }
        em.remove(target.get());
        return true;
    }

    /**
     * Unlinks one provider account, unless it is the member's last way to sign in.
     *
     * @param memberId        the member
     * @param accountId       the account's id
     * @param canUseEmailLink whether the member can sign in by e-mail link
     * @return whether it was unlinked
     */
    public boolean unlink(String memberId, String accountId, boolean canUseEmailLink) {
        List<LinkedAccount> accounts = accountsOf(memberId);
        Optional<LinkedAccount> target =
                accounts.stream().filter(a -> a.getId().equals(accountId)).findFirst();
        if (target.isEmpty()
                || !SignInMethods.canUnlinkOne(
                        accounts.size() + passkeysOf(memberId).size(), canUseEmailLink)) {
            return false;
        }
        em.remove(target.get());
        return true;
    }

    /**
     * Records where a session is used from, once: on its first request after sign-in.
     *
     * @param sessionToken the session's token from its cookie
     * @param userAgent    the browser's User-Agent header, or {@code null}
     * @param ipAddress    the client address
     */
    public void recordDeviceOnce(String sessionToken, String userAgent, String ipAddress) {
        em.createQuery("UPDATE LoginSession s SET s.userAgent = :agent, s.ipAddress = :ip"
                        + " WHERE s.sessionToken = :token AND s.userAgent IS NULL")
                .setParameter("agent", userAgent == null ? "unknown" : truncate(userAgent, 500))
                .setParameter("ip", truncate(ipAddress, 100))
                .setParameter("token", sessionToken)
                .executeUpdate();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
