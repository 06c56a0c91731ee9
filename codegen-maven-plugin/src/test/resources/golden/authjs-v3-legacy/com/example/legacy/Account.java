package com.example.legacy;

import jakarta.annotation.Generated;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The model {@code Account}, stored in the table {@code accounts}. It plays the role {@code Account} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Account")
@Table(
        name = "accounts",
        uniqueConstraints = @UniqueConstraint(name = "accounts_compound_id_key", columnNames = "compound_id"),
        indexes = {
                @Index(name = "providerAccountId", columnList = "provider_account_id"),
                @Index(name = "providerId", columnList = "provider_id"),
                @Index(name = "userId", columnList = "user_id")
        }
)
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "compound_id", nullable = false)
    private String compoundId;

    @Column(name = "user_id", nullable = false)
    private Integer userId;

    @Column(name = "provider_type", nullable = false)
    private String providerType;

    @Column(name = "provider_id", nullable = false)
    private String providerId;

    @Column(name = "provider_account_id", nullable = false)
    private String providerAccountId;

    @Column(name = "refresh_token")
    private String refreshToken;

    @Column(name = "access_token")
    private String accessToken;

    @Column(name = "access_token_expires")
    @Convert(converter = UtcInstantConverter.class)
    private Instant accessTokenExpires;

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

    public String getCompoundId() {
        return compoundId;
    }

    public void setCompoundId(String compoundId) {
        this.compoundId = compoundId;
    }

    public Integer getUserId() {
        return userId;
    }

    public void setUserId(Integer userId) {
        this.userId = userId;
    }

    public String getProviderType() {
        return providerType;
    }

    public void setProviderType(String providerType) {
        this.providerType = providerType;
    }

    public String getProviderId() {
        return providerId;
    }

    public void setProviderId(String providerId) {
        this.providerId = providerId;
    }

    public String getProviderAccountId() {
        return providerAccountId;
    }

    public void setProviderAccountId(String providerAccountId) {
        this.providerAccountId = providerAccountId;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Instant getAccessTokenExpires() {
        return accessTokenExpires;
    }

    public void setAccessTokenExpires(Instant accessTokenExpires) {
        this.accessTokenExpires = accessTokenExpires;
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
