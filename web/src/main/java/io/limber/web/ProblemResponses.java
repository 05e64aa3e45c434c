package io.limber.web;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Declares on every operation the answers any request may get when the service is over
 * capacity: 429 from {@link RateLimit}, 503 from {@link InFlightLimit} and
 * {@link DatabaseUnavailableProblems}, each with {@code Retry-After}. Set as
 * {@code mp.openapi.filter} in each service.
 */
public class OverloadResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null) {
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
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/problem+json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("HttpProblem"))));
    }
}
