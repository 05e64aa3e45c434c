package io.limber.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;

/**
 * Gives a problem that was built without a type (bean validation, an unknown route or method, a
 * body Jackson cannot read, anything the extension maps) the common type of its status, so that
 * every problem a client sees has a type from the registry.
 */
@ApplicationScoped
public class ProblemTypes implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
            return problem;
        }
        return CommonProblem.of(problem.getStatusCode())
                .map(type -> HttpProblem.builder(problem).withType(type.uri()).build())
                .orElse(problem);
    }
}
