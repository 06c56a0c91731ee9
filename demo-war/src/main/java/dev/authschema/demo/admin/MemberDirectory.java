package dev.authschema.demo.admin;

import dev.authschema.demo.auth.Member;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Every member's record, for administrators only. The container checks {@code @RolesAllowed} against the caller
 * that the sign-in engine's authentication mechanism established (the member's {@code role} field is their group),
 * and refuses anyone else with {@link jakarta.ejb.EJBAccessException}: the data itself is guarded, not just the page.
 */
@Stateless
@RolesAllowed("ADMIN")
public class MemberDirectory {

    @PersistenceContext
    EntityManager em;

    /**
     * @return every member, newest first
     */
    public List<Member> allMembers() {
        return em.createQuery("SELECT m FROM Member m ORDER BY m.joinedAt DESC", Member.class)
                .setMaxResults(200)
                .getResultList();
    }
}
