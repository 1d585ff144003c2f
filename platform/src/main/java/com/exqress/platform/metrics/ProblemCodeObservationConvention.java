package com.exqress.platform.metrics;

import com.exqress.platform.web.ProblemResponses;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Spring's {@code http.server.requests} with one more tag, {@code code}: the problem code of a refused or failed
 * request ({@code NONE} otherwise), so error rates show by cause and not only by status. The codes are a fixed
 * vocabulary of this application, never a value taken from the request.
 */
@Component
public class ProblemCodeObservationConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object code = context.getAttributes().get(ProblemResponses.PROBLEM_CODE);
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("code", code == null ? "NONE" : code.toString()));
    }
}
