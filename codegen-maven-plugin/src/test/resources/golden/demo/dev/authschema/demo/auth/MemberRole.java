package dev.authschema.demo.auth;

import jakarta.annotation.Generated;

/**
 * What a member may do; the value becomes the member's Jakarta Security group.
 */
@Generated("dev.authschema.codegen")
public enum MemberRole {
    MEMBER,

    ADMIN
}
