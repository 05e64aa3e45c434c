package io.limber.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What every operation of a service's OpenAPI document says about its problem answers. */
class ProblemResponsesTest {

    private final ProblemResponses filter = new ProblemResponses();

    @ParameterizedTest
    @ValueSource(strings = {"400", "401", "403", "404", "409", "413", "500"})
    void anErrorDeclaredWithoutContentIsAnHttpProblem(String status) {
        Operation operation = filter.filterOperation(
                operation(status, OASFactory.createAPIResponse().description("x")));
        assertThat(problemSchemaRef(operation.getResponses().getAPIResponse(status)))
                .isEqualTo("#/components/schemas/HttpProblem");
    }

    @Test
    void aSuccessIsLeftWithoutContent() {
        Operation operation = filter.filterOperation(
                operation("204", OASFactory.createAPIResponse().description("done")));
        assertThat(operation.getResponses().getAPIResponse("204").getContent()).isNull();
    }

    @Test
    void anErrorThatDeclaresItsContentKeepsIt() {
        APIResponse declared = OASFactory.createAPIResponse()
                .description("invalid")
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/problem+json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("HttpValidationProblem"))));
        Operation operation = filter.filterOperation(operation("400", declared));
        assertThat(problemSchemaRef(operation.getResponses().getAPIResponse("400")))
                .isEqualTo("#/components/schemas/HttpValidationProblem");
    }

    @Test
    void aReferencedResponseIsLeftAlone() {
        APIResponse referenced = OASFactory.createAPIResponse().ref("NotFound");
        Operation operation = filter.filterOperation(operation("404", referenced));
        APIResponse response = operation.getResponses().getAPIResponse("404");
        assertThat(response.getRef()).isEqualTo("#/components/responses/NotFound");
        assertThat(response.getContent()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"429", "503"})
    void everyOperationDeclaresTheOverCapacityAnswersWithRetryAfter(String status) {
        Operation operation = filter.filterOperation(
                operation("200", OASFactory.createAPIResponse().description("ok")));
        APIResponse response = operation.getResponses().getAPIResponse(status);
        assertThat(response).as(status).isNotNull();
        assertThat(response.getDescription()).isNotBlank();
        assertThat(problemSchemaRef(response)).isEqualTo("#/components/schemas/HttpProblem");
        Schema retryAfter = response.getHeaders().get("Retry-After").getSchema();
        assertThat(retryAfter.getType()).containsExactly(Schema.SchemaType.INTEGER);
        assertThat(retryAfter.getMinimum()).isEqualByComparingTo("1");
    }

    @Test
    void anOperationsOwn503IsKept() {
        APIResponse own = OASFactory.createAPIResponse().description("Maintenance");
        Operation operation = filter.filterOperation(operation("503", own));
        APIResponse response = operation.getResponses().getAPIResponse("503");
        assertThat(response.getDescription()).isEqualTo("Maintenance");
        assertThat(response.getHeaders()).isNull();
        assertThat(operation.getResponses().hasAPIResponse("429")).isTrue();
    }

    @Test
    void anOperationWithoutResponsesIsLeftAlone() {
        Operation operation = filter.filterOperation(OASFactory.createOperation());
        assertThat(operation.getResponses()).isNull();
    }

    private static Operation operation(String status, APIResponse response) {
        return OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse(status, response));
    }

    private static String problemSchemaRef(APIResponse response) {
        return response.getContent()
                .getMediaType("application/problem+json")
                .getSchema()
                .getRef();
    }
}
