package io.limber.session.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 as problem+json. quarkus-resteasy-problem 3.21.0 has its own mappers for these, but they
 * fail on Quarkus 3.33 ({@code NoSuchFieldError: headerName} in ChallengeData) and answer 500;
 * this one takes precedence until the library is upgraded.
 */
public class UnauthorizedMapper {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e) {
        return problem();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem();
    }

    private static Response problem() {
        Response response = HttpProblem.builder()
                .withStatus(401)
                .withTitle("Unauthorized")
                .withDetail("A valid bearer token is required.")
                .build()
                .toResponse();
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
