package io.limber.web;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The problem answers of every operation, so resources declare only what differs. An error
 * response declared without content is an RFC 9457 {@code HttpProblem} (declare the content to say
 * otherwise, as a 400 with {@code HttpValidationProblem} does), and every operation declares the
 * answers of a service over capacity: 429 from {@link RateLimit}, 503 from {@link InFlightLimit}
 * and {@link DatabaseUnavailableProblems}, each with {@code Retry-After}. Set as
 * {@code mp.openapi.filter} in each service.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.charAt(0) >= '4' && response.getRef() == null && response.getContent() == null) {
                    response.content(problemContent());
                }
            });
            if (!operation.getResponses().hasAPIResponse("429")) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                "429",
                                problem("The caller sent more requests than its rate allows (per token subject, or"
                                        + " per client address without a token)"));
            }
            if (!operation.getResponses().hasAPIResponse("503")) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                "503",
                                problem("The service is over capacity or its database is unavailable; nothing was"
                                        + " done"));
            }
        }
        return operation;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .headers(Map.of(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("Whole seconds to wait before trying again")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .minimum(BigDecimal.ONE))))
                .content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("HttpProblem")));
    }
}
