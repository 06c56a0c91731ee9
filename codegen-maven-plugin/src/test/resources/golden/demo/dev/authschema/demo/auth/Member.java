package dev.authschema.demo.auth;

import jakarta.annotation.Generated;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A person who can sign in.
 *
 * <p>The model {@code Member}, stored in the table {@code demo_members}. It plays the role {@code User} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Member")
@Table(
        name = "demo_members",
        uniqueConstraints = @UniqueConstraint(name = "demo_members_email_key", columnNames = "email")
)
public class Member {
    @Id
    @Column(name = "id", nullable = false)
    private String id;

    @Column(name = "name")
    private String name;

    @Column(name = "email")
    private String email;

    @Column(name = "email_verified")
    @Convert(converter = UtcInstantConverter.class)
    private Instant emailVerified;

    @Column(name = "image")
    private String image;

    /**
     * The name shown in the app; the member edits it on the account page.
     */
    @Column(name = "display_name")
    private String displayName;

    @Column(name = "\"role\"", nullable = false)
    @Enumerated(EnumType.STRING)
    private MemberRole role = MemberRole.MEMBER;

    @Column(name = "joined_at", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant joinedAt;

    /**
     * The member's password as an Argon2id hash, when they signed up with one (the PASSWORDS capability). Added
     * after passkeys: the synchroniser adds the nullable column and keeps every existing member.
     */
    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @OneToMany(mappedBy = "member", cascade = CascadeType.REMOVE)
    private List<LinkedAccount> accounts = new ArrayList<>();

    @OneToMany(mappedBy = "member", cascade = CascadeType.REMOVE)
    private List<LoginSession> sessions = new ArrayList<>();

    @OneToMany(mappedBy = "member", cascade = CascadeType.REMOVE)
    private List<Passkey> passkeys = new ArrayList<>();

    @PrePersist
    void beforeInsert() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        if (joinedAt == null) {
            joinedAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Instant getEmailVerified() {
        return emailVerified;
    }

    public void setEmailVerified(Instant emailVerified) {
        this.emailVerified = emailVerified;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public MemberRole getRole() {
        return role;
    }

    public void setRole(MemberRole role) {
        this.role = role;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public void setJoinedAt(Instant joinedAt) {
        this.joinedAt = joinedAt;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public List<LinkedAccount> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<LinkedAccount> accounts) {
        this.accounts = accounts;
    }

    public List<LoginSession> getSessions() {
        return sessions;
    }

    public void setSessions(List<LoginSession> sessions) {
        this.sessions = sessions;
    }

    public List<Passkey> getPasskeys() {
        return passkeys;
    }

    public void setPasskeys(List<Passkey> passkeys) {
        this.passkeys = passkeys;
    }
}
