package com.exqress.platform.apidoc;

import com.exqress.waybill.api.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an operation, for its documentation ({@code x-roles} and its description); the controller or the
 * aggregate enforces it. Either the roles, or {@code anonymous} for an operation that needs no access token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    Role[] value() default {};

    /** Which callers of those roles, where the role alone does not decide: whose parcel, which carrier, which step. */
    String rule() default "";

    /** Callable without an access token. */
    boolean anonymous() default false;
}
