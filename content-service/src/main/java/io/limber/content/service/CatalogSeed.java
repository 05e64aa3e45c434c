package io.limber.content.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogEntryRepository;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the starter catalog as revision 1 through the same code path as a reviewed publish, so
 * its events reach the topic through the outbox like any other: the upper-back exercises and
 * programs, and the plain movement breaks a prompt falls back to. Each seed file is claimed by its
 * own name, once across replicas, so a database seeded before a file was added gets that file on
 * its next start.
 *
 * <p>Not a Flyway migration: the event payloads are built by the service's own mapper, and a SQL
 * copy of them would drift from it.
 */
@ApplicationScoped
public class CatalogSeed {

    private static final Logger LOG = Logger.getLogger(CatalogSeed.class);
    /** In the order they are applied; a later file may refer to exercises of an earlier one. */
    static final List<String> RESOURCES = List.of("seed/upper-back.json", "seed/movement-breaks.json");

    static final String ACTOR = "catalog-seed";

    private final CatalogService catalog;
    private final ExerciseKind exercises;
    private final ProgramKind programs;
    private final CatalogEntryRepository entries;
    private final CatalogEvents events;
    private final EntityManager em;
    private final ObjectMapper json;
    private final CatalogConfig config;

    CatalogSeed(
            CatalogService catalog,
            ExerciseKind exercises,
            ProgramKind programs,
            CatalogEntryRepository entries,
            CatalogEvents events,
            EntityManager em,
            ObjectMapper json,
            CatalogConfig config) {
        this.catalog = catalog;
        this.exercises = exercises;
        this.programs = programs;
        this.entries = entries;
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
        for (String resource : RESOURCES) {
            seed(resource);
        }
    }

    private void seed(String resource) throws IOException {
        JsonNode seed;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            seed = json.readTree(in);
        }
        // Replicas starting together block on this row; only the one that inserts it seeds.
        int claimed = em.createNativeQuery("INSERT INTO catalog_seed (name) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, seed.get("name").asText())
                .executeUpdate();
        if (claimed == 0) {
            return;
        }
        List<CatalogEntry> seededExercises = new ArrayList<>();
        for (JsonNode node : seed.path("exercises")) {
            publish(exercises, node).ifPresent(seededExercises::add);
        }
        // The file's programs may hold exercises of an earlier file, whose snapshots change with them.
        Set<UUID> inPrograms = new LinkedHashSet<>();
        int seededPrograms = 0;
        for (JsonNode node : seed.path("programs")) {
            if (publish(programs, node).isPresent()) {
                seededPrograms++;
                node.path("content")
                        .path("items")
                        .forEach(item -> inPrograms.add(
                                UUID.fromString(item.get("exerciseId").asText())));
            }
        }
        seededExercises.forEach(events::exerciseChanged);
        seededExercises.forEach(e -> inPrograms.remove(e.id));
        events.programChanged(inPrograms);
        LOG.infof(
                "Seeded the catalog from %s with %d exercises and %d programs",
                seed.get("name").asText(), seededExercises.size(), seededPrograms);
    }

    /**
     * Empty when the catalog already holds the entry's id or slug: a file added to an older
     * database meets what editors wrote there since, and the seed must not fail the start over it.
     */
    private <C> Optional<CatalogEntry> publish(EntryKind<C> kind, JsonNode node) {
        EntryType type = kind.type();
        try {
            UUID id = UUID.fromString(node.get("id").asText());
            String slug = node.path("content").path("slug").asText();
            if (entries.findByIdOptional(id).isPresent() || entries.slugTaken(type, slug, id)) {
                LOG.warnf("Not seeding %s %s (%s): the catalog already has its id or slug", type.code(), slug, id);
                return Optional.empty();
            }
            C content = json.treeToValue(node.get("content"), kind.contentType());
            CatalogEntry entry = catalog.create(kind, id, content, ACTOR);
            return Optional.of(catalog.publishNow(kind, entry, ACTOR, false));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The seed does not match " + kind.contentType().getSimpleName(), e);
        }
    }
}
