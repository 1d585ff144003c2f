package com.exqress.platform.web;

import java.util.List;

/** The RFC 7807 body every error response has, plus the stable {@code code} clients switch on. */
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldProblem> errors) {
}
