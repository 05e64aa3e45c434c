package io.limber.web;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestQuery;

import io.vertx.ext.web.Router;

/** What the web module's filters and mappers are tried on: a stand-in for a service's own resources. */
@Path("/test")
@PermitAll
public class TestEndpoints {

    /** A JSON body with a text, a boolean and a list, the shapes the JSON checks are about. */
    public record Answers(String note, boolean chestPain, List<String> tags) {}

    @Inject
    JsonWebToken jwt;

    @Inject
    Gate gate;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Answers answers(Answers answers) {
        return answers;
    }

    @GET
    @Path("page")
    @Produces(MediaType.TEXT_PLAIN)
    public String page(@QueryParam("size") int size) {
        return Integer.toString(size);
    }

    @GET
    @Path("page/{number}")
    @Produces(MediaType.TEXT_PLAIN)
    public String pageNumber(@PathParam("number") Integer number) {
        return number.toString();
    }

    @GET
    @Path("rest-query")
    @Produces(MediaType.TEXT_PLAIN)
    public String restQuery(@RestQuery("limit") int limit) {
        return Integer.toString(limit);
    }

    @GET
    @Path("rest-query/unnamed")
    @Produces(MediaType.TEXT_PLAIN)
    public String unnamedRestQuery(@RestQuery int limit) {
        return Integer.toString(limit);
    }

    @GET
    @Path("members-only")
    @RolesAllowed("member")
    @Produces(MediaType.TEXT_PLAIN)
    public String membersOnly() {
        return jwt.getSubject();
    }

    /** Who CurrentCaller says is calling: id, employer, zone and whether a member, '-' for none. */
    @GET
    @Path("caller")
    @RolesAllowed({"member", "clinician"})
    @Produces(MediaType.TEXT_PLAIN)
    public String caller() {
        return String.join(
                " ",
                caller.id(),
                caller.employerId().orElse("-"),
                caller.zoneInfo().orElse("-"),
                Boolean.toString(caller.hasRole("member")));
    }

    /** Fails as a JDBC driver or Hibernate would: an SQLException, alone or inside a PersistenceException. */
    @GET
    @Path("database")
    public String database(
            @QueryParam("state") String state,
            @QueryParam("message") String message,
            @QueryParam("wrapped") boolean wrapped)
            throws SQLException {
        SQLException sql = new SQLException(message, state);
        if (wrapped) {
            throw new PersistenceException("could not execute statement", new RuntimeException("pool", sql));
        }
        throw sql;
    }

    @GET
    @Path("database/other")
    public String otherPersistenceFailure() {
        throw new PersistenceException("No SQL behind this one");
    }

    /** Stays in flight until the test opens the gate. */
    @GET
    @Path("held")
    @Produces(MediaType.TEXT_PLAIN)
    public String held() throws InterruptedException {
        gate.passThrough();
        return "released";
    }

    /** A route under /q/, as health and metrics are, outside REST. */
    @ApplicationScoped
    public static class Management {

        void route(@Observes Router router) {
            router.get("/q/ping").handler(rc -> rc.response().end("pong"));
        }
    }

    @ApplicationScoped
    public static class Gate {

        // Reached through the client proxy by methods only: a field read through it is the proxy's own.
        private final AtomicInteger arrived = new AtomicInteger();
        private volatile CountDownLatch open = new CountDownLatch(1);

        void passThrough() throws InterruptedException {
            CountDownLatch latch = open;
            arrived.incrementAndGet();
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The gate was never opened");
            }
        }

        void reset() {
            open.countDown();
            open = new CountDownLatch(1);
            arrived.set(0);
        }

        int arrived() {
            return arrived.get();
        }

        void open() {
            open.countDown();
        }
    }
}
