package com.example.current;

import jakarta.annotation.Generated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.util.Objects;

/**
 * The model {@code Authenticator}, stored in the table {@code Authenticator}. It plays the role {@code Authenticator} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Authenticator")
@Table(
        name = "Authenticator",
        uniqueConstraints = @UniqueConstraint(name = "Authenticator_credentialID_key", columnNames = "credentialID")
)
@IdClass(Authenticator.Key.class)
public class Authenticator {
    @Id
    @Column(name = "credentialID", nullable = false)
    private String credentialID;

    @Id
    @Column(name = "userId", nullable = false)
    private String userId;

    @Column(name = "providerAccountId", nullable = false)
    private String providerAccountId;

    @Column(name = "credentialPublicKey", nullable = false)
    private String credentialPublicKey;

    @Column(name = "counter", nullable = false)
    private Integer counter;

    @Column(name = "credentialDeviceType", nullable = false)
    private String credentialDeviceType;

    @Column(name = "credentialBackedUp", nullable = false)
    private Boolean credentialBackedUp;

    @Column(name = "transports")
    private String transports;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "userId", referencedColumnName = "id", insertable = false, updatable = false)
    private User user;

    public String getCredentialID() {
        return credentialID;
    }

    public void setCredentialID(String credentialID) {
        this.credentialID = credentialID;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getProviderAccountId() {
        return providerAccountId;
    }

    public void setProviderAccountId(String providerAccountId) {
        this.providerAccountId = providerAccountId;
    }

    public String getCredentialPublicKey() {
        return credentialPublicKey;
    }

    public void setCredentialPublicKey(String credentialPublicKey) {
        this.credentialPublicKey = credentialPublicKey;
    }

    public Integer getCounter() {
        return counter;
    }

    public void setCounter(Integer counter) {
        this.counter = counter;
    }

    public String getCredentialDeviceType() {
        return credentialDeviceType;
    }

    public void setCredentialDeviceType(String credentialDeviceType) {
        this.credentialDeviceType = credentialDeviceType;
    }

    public Boolean getCredentialBackedUp() {
        return credentialBackedUp;
    }

    public void setCredentialBackedUp(Boolean credentialBackedUp) {
        this.credentialBackedUp = credentialBackedUp;
    }

    public String getTransports() {
        return transports;
    }

    public void setTransports(String transports) {
        this.transports = transports;
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    /**
     * The key of {@code Authenticator}: userId, credentialID.
     */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userId;

        private String credentialID;

        public Key() {
        }

        public Key(String userId, String credentialID) {
            this.userId = userId;
            this.credentialID = credentialID;
        }

        public String getUserId() {
            return userId;
        }

        public String getCredentialID() {
            return credentialID;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Key that)) {
                return false;
            }
            return Objects.equals(userId, that.userId) && Objects.equals(credentialID, that.credentialID);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, credentialID);
        }
    }
}
