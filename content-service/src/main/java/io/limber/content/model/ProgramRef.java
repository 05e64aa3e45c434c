package io.limber.content.model;

import java.util.List;
import java.util.UUID;

/** A published program an exercise belongs to. */
public record ProgramRef(UUID id, String slug, String name, List<String> tags) {}
