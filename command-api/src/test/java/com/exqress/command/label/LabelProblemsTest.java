package com.exqress.command.label;

import com.exqress.label.LabelRejectedException;
import com.exqress.label.LabelRejection;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.ProblemCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each label rejection is answered with its own code, as the problem code catalogue lists it. */
class LabelProblemsTest {

    @ParameterizedTest
    @EnumSource(LabelRejection.class)
    void everyLabelRejectionIsInTheCatalogueWithItsStatus(LabelRejection rejection) {
        ApiProblem problem = LabelProblems.toProblem(new LabelRejectedException(rejection, "refused"));

        assertThat(Stream.of(ProblemCode.values()).map(ProblemCode::name)).contains(problem.code());
        assertThat(ProblemCode.valueOf(problem.code()).status()).isEqualTo(problem.status());
    }
}
