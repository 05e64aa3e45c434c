package io.limber.reminder.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 as problem+json. quarkus-resteasy-problem 3.21's own mapper for these fails on Quarkus 3.33
 * ({@code NoSuchFieldError: headerName} in its challenge lookup) and turns every missing or bad
 * token into a 500; this one takes precedence until that is fixed upstream.
 */
public class UnauthorizedProblemMapper {

    @ServerExceptionMapper(
            value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = Priorities.AUTHENTICATION)
    public Response unauthorized(UriInfo uri) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", 401);
        problem.put("title", "Unauthorized");
        problem.put("detail", "A valid bearer token is required");
        problem.put("instance", uri.getPath());
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type("application/problem+json")
                .entity(problem)
                .build();
    }
}
