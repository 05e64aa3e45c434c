package io.limber.benchmarks.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The cheapest JSON endpoint Quarkus can serve: what a real endpoint is compared with. */
@Path("/constant")
public class ConstantResource {

    public record Body(String slug, String name, int sets, int reps) {}

    private static final Body BODY = new Body("open-book-rotation", "Open book rotation", 2, 8);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Body get() {
        return BODY;
    }
}
