package com.example.passwords;

import jakarta.annotation.Generated;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The model {@code VerificationToken}, stored in the table {@code verification_tokens}. It plays the role {@code VerificationToken} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "VerificationToken")
@Table(
        name = "verification_tokens",
        uniqueConstraints = @UniqueConstraint(name = "verification_tokens_identifier_token_key", columnNames = {"identifier", "token"})
)
@Cacheable(false)
@IdClass(VerificationToken.Key.class)
public class VerificationToken {
    @Id
    @Column(name = "identifier", nullable = false)
    private String identifier;

    @Id
    @Column(name = "token", nullable = false)
    private String token;

    @Column(name = "expires", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant expires;

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

    /**
     * The key of {@code VerificationToken}: identifier, token.
     */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String identifier;

        private String token;

        public Key() {
        }

        public Key(String identifier, String token) {
            this.identifier = identifier;
            this.token = token;
        }

        public String getIdentifier() {
            return identifier;
        }

        public String getToken() {
            return token;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Key that)) {
                return false;
            }
            return Objects.equals(identifier, that.identifier) && Objects.equals(token, that.token);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identifier, token);
        }
    }
}
