package dev.authschema.engine.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.Base64UrlUtil;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of both ceremonies, by webauthn4j: the client data's type, challenge and origin, the RP ID hash, the
 * user-presence and user-verification flags, the signature, and that the signature counter went up. No attestation
 * is asked for ({@code attestation: "none"}), so no certificate chain is trusted or needed. Pure: reads and writes
 * nothing but its arguments. Every refusal is a {@code WebAuthnVerificationError} whose message names the check,
 * never a key or an id.
 */
final class PasskeyVerifier {

    /** ES256, EdDSA and RS256: what passkey providers create, in the order of preference. */
    static final List<Long> ALGORITHMS = List.of(
            COSEAlgorithmIdentifier.ES256.getValue(),
            COSEAlgorithmIdentifier.EdDSA.getValue(),
            COSEAlgorithmIdentifier.RS256.getValue());

    private static final List<PublicKeyCredentialParameters> PARAMETERS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    /** Credential ids are at most 1023 bytes (WebAuthn level 3); AAGUID and length come first in the stored form. */
    private static final int PREFIX_BYTES = 16 + 2;

    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final AttestedCredentialDataConverter credentials = new AttestedCredentialDataConverter(converter);

    /**
     * A credential the browser created.
     *
     * @param credentialId the credential id, base64url
     * @param publicKey    the COSE public key, base64 (as Auth.js stores it)
     * @param counter      the signature counter at creation
     * @param multiDevice  whether the credential may be synced (backup eligible)
     * @param backedUp     whether it is synced now
     * @param transports   how the browser can reach it, comma-separated, or {@code null}
     */
    record NewCredential(
            String credentialId,
            String publicKey,
            long counter,
            boolean multiDevice,
            boolean backedUp,
            String transports) {}

    /**
     * @param json      the browser's {@code PublicKeyCredential} of {@code navigator.credentials.create}, as JSON
     * @param party     the relying party
     * @param challenge the ceremony's challenge, base64url
     * @return the new credential
     */
    NewCredential register(String json, RelyingParty party, String challenge) {
        try {
            RegistrationData data = manager.parseRegistrationResponseJSON(json);
            manager.verify(data, new RegistrationParameters(server(party, challenge), PARAMETERS, true, true));
            AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData attested = authenticator.getAttestedCredentialData();
            byte[] stored = credentials.convert(attested);
            byte[] publicKey =
                    Arrays.copyOfRange(stored, PREFIX_BYTES + attested.getCredentialId().length, stored.length);
            Set<AuthenticatorTransport> transports = data.getTransports();
            return new NewCredential(
                    Base64UrlUtil.encodeToString(attested.getCredentialId()),
                    Base64.getEncoder().encodeToString(publicKey),
                    authenticator.getSignCount(),
                    authenticator.isFlagBE(),
                    authenticator.isFlagBS(),
                    transports == null || transports.isEmpty()
                            ? null
                            : transports.stream()
                                    .map(AuthenticatorTransport::getValue)
                                    .sorted()
                                    .collect(Collectors.joining(",")));
        } catch (VerificationException | DataConversionException | IllegalArgumentException | NullPointerException e) {
            throw refused(
                    "the new passkey did not pass verification (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * An assertion, parsed before the stored credential is known.
     *
     * @param data         webauthn4j's parse
     * @param credentialId its credential id, base64url
     * @param userHandle   its user handle, base64url, or {@code null}
     */
    record Assertion(AuthenticationData data, String credentialId, String userHandle) {}

    /**
     * @param json the browser's {@code PublicKeyCredential} of {@code navigator.credentials.get}, as JSON
     * @return its credential id and user handle, not yet verified
     */
    Assertion parseAssertion(String json) {
        try {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(json);
            if (data.getCredentialId() == null) {
                throw refused("the assertion has no credential id", null);
            }
            return new Assertion(
                    data,
                    Base64UrlUtil.encodeToString(data.getCredentialId()),
                    data.getUserHandle() == null ? null : Base64UrlUtil.encodeToString(data.getUserHandle()));
        } catch (DataConversionException | IllegalArgumentException | NullPointerException e) {
            throw refused(
                    "the assertion is not a WebAuthn credential ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /**
     * @param assertion the parsed assertion
     * @param stored    the authenticator its credential id names
     * @param party     the relying party
     * @param challenge the ceremony's challenge, base64url
     * @return the signature counter the authenticator reported
     */
    long authenticate(Assertion assertion, AdapterAuthenticator stored, RelyingParty party, String challenge) {
        try {
            manager.verify(
                    assertion.data(),
                    new AuthenticationParameters(server(party, challenge), record(stored), null, true, true));
        } catch (MaliciousCounterValueException e) {
            throw refused(
                    "the signature counter did not go up (stored " + stored.counter()
                            + "): the passkey may have been cloned",
                    e);
        } catch (VerificationException | DataConversionException | IllegalArgumentException | NullPointerException e) {
            throw refused(
                    "the assertion did not pass verification (" + e.getClass().getSimpleName() + ")", e);
        }
        return assertion.data().getAuthenticatorData().getSignCount();
    }

    private CredentialRecord record(AdapterAuthenticator stored) {
        byte[] id = Base64UrlUtil.decode(stored.credentialId());
        byte[] key = Base64.getDecoder().decode(stored.credentialPublicKey());
        ByteBuffer buffer = ByteBuffer.allocate(PREFIX_BYTES + id.length + key.length);
        buffer.put(AAGUID.ZERO.getBytes()).putShort((short) id.length).put(id).put(key);
        AttestedCredentialData attested = credentials.convert(buffer.array());
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        if (stored.transports() != null && !stored.transports().isBlank()) {
            for (String transport : stored.transports().split(",")) {
                transports.add(AuthenticatorTransport.create(transport.strip()));
            }
        }
        boolean multiDevice = "multiDevice".equals(stored.credentialDeviceType());
        return new CredentialRecordImpl(
                new NoneAttestationStatement(),
                true,
                multiDevice,
                stored.credentialBackedUp(),
                stored.counter(),
                attested,
                null,
                null,
                null,
                transports);
    }

    private static ServerProperty server(RelyingParty party, String challenge) {
        return ServerProperty.builder()
                .origin(new Origin(party.origin()))
                .rpId(party.id())
                .challenge(new DefaultChallenge(Base64UrlUtil.decode(challenge)))
                .build();
    }

    static AuthFlowException refused(String why, Throwable cause) {
        return new AuthFlowException(AuthErrorCode.WebAuthnVerificationError, "passkey refused: " + why, cause);
    }
}
