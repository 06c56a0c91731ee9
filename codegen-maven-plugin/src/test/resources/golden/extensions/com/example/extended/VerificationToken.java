package com.example.extended;

import jakarta.annotation.Generated;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * The model {@code VerificationToken}, stored in the table {@code VerificationToken}. It plays the role {@code VerificationToken} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "VerificationToken")
@Table(
        name = "VerificationToken",
        uniqueConstraints = {
                @UniqueConstraint(name = "VerificationToken_token_key", columnNames = "token"),
                @UniqueConstraint(name = "VerificationToken_identifier_token_key", columnNames = {"identifier", "token"})
        }
)
@Cacheable(false)
public class VerificationToken {
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
}
