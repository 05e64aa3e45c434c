package io.limber.content.service;

import io.limber.web.ProblemType;

/** The problems of content-service's own rules, as the problem registry ({@code docs/problems.md}) lists them. */
public final class ContentProblem {
    public static final ProblemType SLUG_TAKEN =
            new ProblemType("slug-taken", 409, "Another entry of the same kind has this slug; choose another.");

    public static final ProblemType SLUG_STABLE = new ProblemType(
            "slug-stable",
            409,
            "The entry was published under its slug, which links and readers rely on; the slug cannot change.");

    public static final ProblemType ITEMS_NOT_PUBLISHED = new ProblemType(
            "items-not-published",
            409,
            "A program can be published only when every exercise in it is published; `violations` names the items.");

    public static final ProblemType IN_PUBLISHED_PROGRAMS = new ProblemType(
            "in-published-programs",
            409,
            "The exercise is an item of published programs; publish them without it, or retire them, first.");

    public static final ProblemType RETIRED = new ProblemType(
            "retired",
            410,
            "The entry was retired from the catalog; its past revisions remain readable under `/revisions`.");

    private ContentProblem() {}
}
