package com.exqress.platform.apidoc;

import com.exqress.platform.web.ProblemCode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an operation answers because of what it does. Those that follow from its shape are added
 * without being listed: a caller's token (UNAUTHENTICATED, FORBIDDEN) and a JSON body (MALFORMED_JSON, …).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Problems {

    ProblemCode[] value();
}
