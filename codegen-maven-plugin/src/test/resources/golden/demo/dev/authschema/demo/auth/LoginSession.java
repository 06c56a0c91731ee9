package dev.authschema.demo.auth;

import dev.authschema.jpa.Cuid;
import jakarta.annotation.Generated;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The model {@code LoginSession}, stored in the table {@code demo_login_sessions}. It plays the role {@code Session} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "LoginSession")
@Table(
        name = "demo_login_sessions",
        uniqueConstraints = @UniqueConstraint(name = "demo_login_sessions_session_token_key", columnNames = "session_token"),
        indexes = {
                @Index(name = "demo_login_sessions_user_id_idx", columnList = "user_id"),
                @Index(name = "demo_login_sessions_expires_idx", columnList = "expires")
        }
)
@Cacheable(false)
public class LoginSession {
    @Id
    @Column(name = "id", nullable = false)
    private String id;

    @Column(name = "session_token", nullable = false)
    private String sessionToken;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "expires", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant expires;

    /**
     * Where the session came from, recorded on its first request.
     */
    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant createdAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", referencedColumnName = "id", insertable = false, updatable = false)
    private Member member;

    @PrePersist
    void beforeInsert() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (id == null) {
            id = Cuid.next();
        }
        if (createdAt == null) {
            createdAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Instant getExpires() {
        return expires;
    }

    public void setExpires(Instant expires) {
        this.expires = expires;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Member getMember() {
        return member;
    }

    public void setMember(Member member) {
        this.member = member;
    }
}
