package io.limber.content.rest;

import jakarta.inject.Singleton;

import io.limber.content.config.CatalogConfig;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.service.CatalogReader;
import io.limber.content.service.CatalogService;
import io.limber.content.service.PublishedCache;
import io.limber.web.CurrentCaller;

/**
 * What every catalog entry resource works with, handed to {@link WorkflowResource} as one, so the
 * exercise and program resources name only their kind. A singleton, not application scoped: the
 * resources read its fields, which a client proxy would not carry.
 */
@Singleton
class EntryEndpoints {

    final CatalogReader reader;
    final CatalogService catalog;
    final ContentMapper mapper;
    final CatalogConfig config;
    final PublishedCache cache;
    final CurrentCaller caller;

    EntryEndpoints(
            CatalogReader reader,
            CatalogService catalog,
            ContentMapper mapper,
            CatalogConfig config,
            PublishedCache cache,
            CurrentCaller caller) {
        this.reader = reader;
        this.catalog = catalog;
        this.mapper = mapper;
        this.config = config;
        this.cache = cache;
        this.caller = caller;
    }
}
