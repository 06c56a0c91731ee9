package dev.authschema.testsupport;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A passkey authenticator in Java, for the HTTP tests (demo-war, engine-it): an ES256 key pair and a credential id, answering the engine's
 * options the way a browser and a CTAP2 authenticator with user verification do (attestation {@code none}), with the
 * values a test wants to get wrong: the origin in the client data and the signature counter. webauthn4j encodes the
 * CBOR structures; the signature is the JDK's.
 */
public final class SoftPasskey {

    /** User present, user verified. */
    private static final byte UP_UV = 0x01 | 0x04;
    /** And attested credential data included. */
    private static final byte UP_UV_AT = UP_UV | 0x40;

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private String userHandle;
    private long counter;

    /**
     * @param counter the signature counter at creation
     */
    public SoftPasskey(long counter) {
        this.counter = counter;
        RANDOM.nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The credential id, base64url, as the engine stores it. */
    public String credentialId() {
        return b64u(credentialId);
    }

    /** The counter the next assertion will carry, unless a test passes another. */
    public long counter() {
        return counter;
    }

    /**
     * @param challenge  the options' {@code challenge}
     * @param rpId       the options' {@code rp.id}
     * @param userHandle the options' {@code user.id}
     * @param origin     the origin the browser would put in the client data
     * @return the {@code PublicKeyCredential} JSON of {@code navigator.credentials.create}
     */
    public String create(String challenge, String rpId, String userHandle, String origin) {
        this.userHandle = userHandle;
        byte[] clientData = clientData("webauthn.create", challenge, origin);
        AttestedCredentialData attested = new AttestedCredentialData(
                AAGUID.ZERO,
                credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(sha256(rpId), UP_UV_AT, counter, attested);
        byte[] attestation = new AttestationObjectConverter(CONVERTER)
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\","
                + "\"response\":{\"clientDataJSON\":\"" + b64u(clientData) + "\",\"attestationObject\":\""
                + b64u(attestation) + "\",\"transports\":[\"internal\"]},\"clientExtensionResults\":{}}";
    }

    /**
     * An assertion with the next counter value.
     *
     * @param challenge the options' {@code challenge}
     * @param rpId      the options' {@code rpId}
     * @param origin    the origin the browser would put in the client data
     * @return the {@code PublicKeyCredential} JSON of {@code navigator.credentials.get}
     */
    public String get(String challenge, String rpId, String origin) {
        return get(challenge, rpId, origin, ++counter);
    }

    /**
     * @param challenge    the options' {@code challenge}
     * @param rpId         the options' {@code rpId}
     * @param origin       the origin in the client data
     * @param counterValue the signature counter to report (a clone reports an old one)
     * @return the {@code PublicKeyCredential} JSON of {@code navigator.credentials.get}
     */
    public String get(String challenge, String rpId, String origin, long counterValue) {
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte[] data = new AuthenticatorDataConverter(CONVERTER)
                .convert(new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(
                        sha256(rpId), UP_UV, counterValue));
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(data);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\","
                + "\"response\":{\"clientDataJSON\":\"" + b64u(clientData) + "\",\"authenticatorData\":\""
                + b64u(data) + "\",\"signature\":\"" + b64u(signature) + "\",\"userHandle\":\"" + userHandle
                + "\"},\"clientExtensionResults\":{}}";
    }

    /** The values are base64url and origins from the tests: nothing to escape. */
    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                        + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64u(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
