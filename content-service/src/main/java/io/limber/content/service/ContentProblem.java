package io.limber.content.service;

import io.limber.web.ProblemType;

/** The problems of content-service's own rules, as the problem registry ({@code docs/problems.md}) lists them. */
public enum ContentProblem implements ProblemType {
    SLUG_TAKEN("slug-taken", 409, "Another entry of the same kind has this slug; choose another."),
    SLUG_STABLE(
            "slug-stable",
            409,
            "The entry was published under its slug, which links and readers rely on; the slug cannot change."),
    ITEMS_NOT_PUBLISHED(
            "items-not-published",
            409,
            "A program can be published only when every exercise in it is published; `violations` names the items."),
    IN_PUBLISHED_PROGRAMS(
            "in-published-programs",
            409,
            "The exercise is an item of published programs; publish them without it, or retire them, first."),
    RETIRED(
            "retired",
            410,
            "The entry was retired from the catalog; its past revisions remain readable under `/revisions`.");

    private final String slug;
    private final int status;
    private final String meaning;

    ContentProblem(String slug, int status, String meaning) {
        this.slug = slug;
        this.status = status;
        this.meaning = meaning;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
