package io.limber.content.model;

import java.util.List;

/** One page of a list in a stable order, with the total across all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {}
