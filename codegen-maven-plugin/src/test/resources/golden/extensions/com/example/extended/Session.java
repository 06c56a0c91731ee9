package com.example.extended;

import dev.authschema.jpa.Cuid;
import jakarta.annotation.Generated;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * The model {@code Session}, stored in the table {@code Session}. It plays the role {@code Session} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Session")
@Table(
        name = "\"Session\"",
        uniqueConstraints = @UniqueConstraint(name = "Session_sessionToken_key", columnNames = "sessionToken")
)
@Cacheable(false)
public class Session {
    @Id
    @Column(name = "id", nullable = false)
    private String id;

    @Column(name = "sessionToken", nullable = false)
    private String sessionToken;

    @Column(name = "userId", nullable = false)
    private String userId;

    @Column(name = "expires", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant expires;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "userId", referencedColumnName = "id", insertable = false, updatable = false)
    private User user;

    @PrePersist
    void beforeInsert() {
        if (id == null) {
            id = Cuid.next();
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

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }
}
