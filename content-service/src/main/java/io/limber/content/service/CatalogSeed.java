package io.limber.content.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.content.config.CatalogConfig;
import io.limber.content.domain.EntryType;
import io.limber.content.events.CatalogEvents;
import io.limber.content.model.ExerciseContent;
import io.limber.content.model.ProgramContent;
import io.limber.content.repository.CatalogEntry;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the first catalog (six upper-back exercises, two programs) as revision 1 on the first
 * start against an empty database, through the same code path as a reviewed publish, so its
 * events reach the topic through the outbox like any other.
 *
 * <p>Not a Flyway migration: the event payloads are built by the service's own mapper, and a SQL
 * copy of them would drift from it.
 */
@ApplicationScoped
public class CatalogSeed {

    private static final Logger LOG = Logger.getLogger(CatalogSeed.class);
    private static final String RESOURCE = "seed/upper-back.json";
    static final String ACTOR = "catalog-seed";

    private final CatalogService catalog;
    private final CatalogEvents events;
    private final EntityManager em;
    private final ObjectMapper json;
    private final CatalogConfig config;

    CatalogSeed(
            CatalogService catalog, CatalogEvents events, EntityManager em, ObjectMapper json, CatalogConfig config) {
        this.catalog = catalog;
        this.events = events;
        this.em = em;
        this.json = json;
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.seed()) {
            return;
        }
        JsonNode seed;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            seed = json.readTree(in);
        }
        // Replicas starting together block on this row; only the one that inserts it seeds.
        int claimed = em.createNativeQuery("INSERT INTO catalog_seed (name) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, seed.get("name").asText())
                .executeUpdate();
        if (claimed == 0) {
            return;
        }
        List<CatalogEntry> exercises = new ArrayList<>();
        for (JsonNode node : seed.get("exercises")) {
            exercises.add(publish(EntryType.EXERCISE, node, ExerciseContent.class));
        }
        for (JsonNode node : seed.get("programs")) {
            publish(EntryType.PROGRAM, node, ProgramContent.class);
        }
        exercises.forEach(events::exerciseChanged);
        LOG.infof(
                "Seeded the catalog with %d exercises and %d programs",
                exercises.size(), seed.get("programs").size());
    }

    private CatalogEntry publish(EntryType type, JsonNode node, Class<?> contentType) {
        try {
            Object content = json.treeToValue(node.get("content"), contentType);
            CatalogEntry entry =
                    catalog.create(type, UUID.fromString(node.get("id").asText()), content, ACTOR);
            return catalog.publishNow(type, entry, ACTOR, false);
        } catch (IOException e) {
            throw new IllegalStateException("The seed does not match " + contentType.getSimpleName(), e);
        }
    }
}
