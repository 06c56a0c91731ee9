package com.example.club.auth;

import jakarta.annotation.Generated;

/**
 * The enum {@code MemberRole} of the schema.
 */
@Generated("dev.authschema.codegen")
public enum MemberRole {
    MEMBER,

    ORGANISER,

    ADMIN
}
