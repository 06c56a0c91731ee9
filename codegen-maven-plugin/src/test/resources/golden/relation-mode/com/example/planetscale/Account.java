package com.example.planetscale;

import jakarta.annotation.Generated;
import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * The model {@code Account}, stored in the table {@code Account}. It plays the role {@code Account} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Account")
@Table(name = "Account", indexes = @Index(name = "Account_userId_idx", columnList = "userId"))
@IdClass(Account.Key.class)
public class Account {
    @Column(name = "userId", nullable = false)
    private String userId;

    @Column(name = "type", nullable = false)
    private String type;

    @Id
    @Column(name = "provider", nullable = false)
    private String provider;

    @Id
    @Column(name = "providerAccountId", nullable = false)
    private String providerAccountId;

    @Column(name = "refresh_token")
    private String refreshToken;

    @Column(name = "access_token")
    private String accessToken;

    @Column(name = "expires_at")
    private Integer expiresAt;

    @Column(name = "token_type")
    private String tokenType;

    @Column(name = "scope")
    private String scope;

    @Column(name = "id_token")
    private String idToken;

    @Column(name = "session_state")
    private String sessionState;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(
            name = "userId",
            referencedColumnName = "id",
            insertable = false,
            updatable = false,
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)
    )
    private User user;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
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

    public Integer getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Integer expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getTokenType() {
        return tokenType;
    }

    public void setTokenType(String tokenType) {
        this.tokenType = tokenType;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getIdToken() {
        return idToken;
    }

    public void setIdToken(String idToken) {
        this.idToken = idToken;
    }

    public String getSessionState() {
        return sessionState;
    }

    public void setSessionState(String sessionState) {
        this.sessionState = sessionState;
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    /**
     * The key of {@code Account}: provider, providerAccountId.
     */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String provider;

        private String providerAccountId;

        public Key() {
        }

        public Key(String provider, String providerAccountId) {
            this.provider = provider;
            this.providerAccountId = providerAccountId;
        }

        public String getProvider() {
            return provider;
        }

        public String getProviderAccountId() {
            return providerAccountId;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Key that)) {
                return false;
            }
            return Objects.equals(provider, that.provider) && Objects.equals(providerAccountId, that.providerAccountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, providerAccountId);
        }
    }
}
