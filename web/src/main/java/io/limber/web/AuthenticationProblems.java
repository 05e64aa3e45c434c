package io.limber.web;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Renders a missing or rejected token as a 401 problem with its {@code WWW-Authenticate}
 * challenge.
 *
 * <p>Replaces quarkus-resteasy-problem 3.21.0's own mappers for these two exceptions, which read
 * a field that Quarkus 3.33's {@code ChallengeData} no longer has and so answer 500 instead of
 * 401. Its priority (4999) loses to this one's; drop this class once the extension is fixed.
 */
public class AuthenticationProblems {

    @ServerExceptionMapper(
            value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = 4900)
    Uni<Response> unauthorized(RoutingContext context, Exception e) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null
                ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context).onFailure().recoverWithNull();
        return challenge.map(c -> toResponse(c, e));
    }

    private static Response toResponse(ChallengeData challenge, Exception e) {
        int status = challenge == null ? 401 : challenge.status;
        HttpProblem.Builder problem = CommonProblem.of(status)
                .orElse(CommonProblem.UNAUTHORIZED)
                .builder(status == 401 ? "A valid bearer token is required" : e.getMessage());
        if (challenge != null) {
            for (Map.Entry<CharSequence, String> header : challenge.getHeaders().entrySet()) {
                problem.withHeader(header.getKey().toString(), header.getValue());
            }
        }
        return problem.build().toResponse();
    }
}
