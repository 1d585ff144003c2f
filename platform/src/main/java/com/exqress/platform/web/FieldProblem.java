package com.exqress.platform.web;

/** One invalid field of a request: where it is and what to fix. Never echoes the value. */
public record FieldProblem(String field, String message) {
}
