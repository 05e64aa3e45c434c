package io.limber.content.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.limber.content.model.DraftView;
import io.limber.content.service.EntityTags;
import io.limber.content.service.PublishedCache.Rendered;

/** Caching and validator headers shared by the catalog resources. */
final class Responses {

    private Responses() {}

    /**
     * Published content: the same for every caller, so shared caches may keep it. The strong ETag
     * hashes the exact bytes, so it changes exactly when the body does.
     */
    static Response published(HttpHeaders request, Rendered rendered, Duration maxAge, boolean immutable) {
        String etag = rendered.etag();
        String cacheControl = "public, max-age=" + maxAge.toSeconds() + (immutable ? ", immutable" : "");
        Response.ResponseBuilder response = noneMatch(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? Response.notModified()
                : Response.ok(rendered.body(), MediaType.APPLICATION_JSON_TYPE);
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (rendered.language() != null) {
            response.header(HttpHeaders.CONTENT_LANGUAGE, rendered.language())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        return response.build();
    }

    /** A working copy: private to its caller, and its ETag is what If-Match must send back. */
    static Response.ResponseBuilder draft(Response.ResponseBuilder builder, DraftView view) {
        return builder.entity(view)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, EntityTags.ofVersion(view.version()))
                .cacheControl(privateNoCache());
    }

    static Response draftOk(DraftView view) {
        return draft(Response.ok(), view).build();
    }

    static Response draftCreated(URI location, DraftView view) {
        return draft(Response.created(location), view).build();
    }

    static CacheControl privateNoCache() {
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setNoCache(true);
        return cc;
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix still matches. */
    private static boolean noneMatch(String header, String etag) {
        if (header == null) {
            return false;
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
