package dev.authschema.adapter;

import java.util.Objects;

/**
 * A WebAuthn credential (passkey) registered by a user.
 *
 * @param credentialId         the credential id (base64url), unique among authenticators, required
 * @param userId               id of the owning user, required
 * @param providerAccountId    id of the WebAuthn account it belongs to, required
 * @param credentialPublicKey  the public key (base64), required
 * @param counter              the signature counter, used to detect cloned authenticators
 * @param credentialDeviceType {@code singleDevice} or {@code multiDevice}, required
 * @param credentialBackedUp   whether the credential is backed up (synced)
 * @param transports           comma-separated transports ({@code usb,nfc,ble,internal,hybrid}), or {@code null}
 */
public record AdapterAuthenticator(
        String credentialId,
        String userId,
        String providerAccountId,
        String credentialPublicKey,
        long counter,
        String credentialDeviceType,
        boolean credentialBackedUp,
        String transports) {

    /**
     * Checks the required properties.
     *
     * @param credentialId the credential id (base64url), unique among authenticators, required
     * @param userId id of the owning user, required
     * @param providerAccountId id of the WebAuthn account it belongs to, required
     * @param credentialPublicKey the public key (base64), required
     * @param counter the signature counter, used to detect cloned authenticators
     * @param credentialDeviceType {@code singleDevice} or {@code multiDevice}, required
     * @param credentialBackedUp whether the credential is backed up (synced)
     * @param transports comma-separated transports ({@code usb,nfc,ble,internal,hybrid}), or {@code null}
     */
    public AdapterAuthenticator {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(providerAccountId, "providerAccountId");
        Objects.requireNonNull(credentialPublicKey, "credentialPublicKey");
        Objects.requireNonNull(credentialDeviceType, "credentialDeviceType");
    }

    /**
     * The same authenticator with another signature counter.
     *
     * @param newCounter the counter value
     * @return a copy with {@code counter} replaced
     */
    public AdapterAuthenticator withCounter(long newCounter) {
        return new AdapterAuthenticator(
                credentialId,
                userId,
                providerAccountId,
                credentialPublicKey,
                newCounter,
                credentialDeviceType,
                credentialBackedUp,
                transports);
    }
}
