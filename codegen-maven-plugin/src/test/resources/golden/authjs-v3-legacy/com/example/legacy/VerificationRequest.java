package com.example.legacy;

import jakarta.annotation.Generated;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The model {@code VerificationRequest}, stored in the table {@code verification_requests}. It plays the role {@code VerificationToken} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "VerificationRequest")
@Table(
        name = "verification_requests",
        uniqueConstraints = @UniqueConstraint(name = "verification_requests_token_key", columnNames = "token")
)
@Cacheable(false)
public class VerificationRequest {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "identifier", nullable = false)
    private String identifier;

    @Column(name = "token", nullable = false)
    private String token;

    @Column(name = "expires", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant expires;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant updatedAt;

    @PrePersist
    void beforeInsert() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (createdAt == null) {
            createdAt = now;
        }
        if (updatedAt == null) {
            updatedAt = now;
        }
    }

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Instant getExpires() {
        return expires;
    }

    public void setExpires(Instant expires) {
        this.expires = expires;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
