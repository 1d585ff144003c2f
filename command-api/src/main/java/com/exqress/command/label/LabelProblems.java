package com.exqress.command.label;

import com.exqress.label.LabelRejectedException;
import com.exqress.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The HTTP status of each label rejection; the rejection's name is the problem code. */
public final class LabelProblems {

    private LabelProblems() {
    }

    public static ApiProblem toProblem(LabelRejectedException rejected) {
        HttpStatus status = switch (rejected.rejection()) {
            case LABEL_MALFORMED -> HttpStatus.BAD_REQUEST;
            case LABEL_FORGED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case LABEL_UNKNOWN -> HttpStatus.NOT_FOUND;
            case LABEL_REVOKED, LABEL_DISPOSED -> HttpStatus.GONE;
        };
        return new ApiProblem(status, rejected.rejection().name(), rejected.getMessage());
    }
}
