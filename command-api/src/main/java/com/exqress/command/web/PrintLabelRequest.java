package com.exqress.command.web;

/** {@code POST /waybills/{id}/labels}; the body is optional. */
public record PrintLabelRequest(String location) {
}
