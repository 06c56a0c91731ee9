package dev.authschema.demo.auth;

import jakarta.annotation.Generated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A member's passkey (WebAuthn credential): added on the account page, used to sign in without a name. Added to
 * the schema after the first release: the synchroniser creates the table and keeps every existing row.
 *
 * <p>The model {@code Passkey}, stored in the table {@code demo_passkeys}. It plays the role {@code Authenticator} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Passkey")
@Table(name = "demo_passkeys", indexes = @Index(name = "demo_passkeys_user_id_idx", columnList = "user_id"))
public class Passkey {
    @Id
    @Column(name = "credential_id", nullable = false)
    private String credentialID;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "provider_account_id", nullable = false)
    private String providerAccountId;

    @Column(name = "credential_public_key", nullable = false)
    private String credentialPublicKey;

    @Column(name = "counter", nullable = false)
    private Long counter;

    @Column(name = "credential_device_type", nullable = false)
    private String credentialDeviceType;

    @Column(name = "credential_backed_up", nullable = false)
    private Boolean credentialBackedUp;

    @Column(name = "transports")
    private String transports;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", referencedColumnName = "id", insertable = false, updatable = false)
    private Member member;

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

    public Long getCounter() {
        return counter;
    }

    public void setCounter(Long counter) {
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

    public Member getMember() {
        return member;
    }

    public void setMember(Member member) {
        this.member = member;
    }
}
