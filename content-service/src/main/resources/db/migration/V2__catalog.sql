-- Exercises and programs share one table: they go through the same review workflow and their
-- content lives in JSON documents whose shape the service validates (ExerciseContent,
-- ProgramContent).
CREATE TABLE catalog_entry (
    id                 uuid PRIMARY KEY,
    type               text        NOT NULL CHECK (type IN ('exercise', 'program')),
    slug               text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'published', 'retired')),
    doc                jsonb       NOT NULL,   -- the working copy editors change
    version            bigint      NOT NULL,   -- bumped on every change; the working copy's ETag
    -- The current published revision, copied here so public searches read one row per entry.
    published_revision integer,
    published_doc      jsonb,
    published_at       timestamptz,
    retired_at         timestamptz,            -- set: hidden from lists, past revisions stay readable
    created_by         text        NOT NULL,
    change_authors     jsonb       NOT NULL DEFAULT '[]',  -- who edited since the last publish
    submitted_by       text,
    approved_by        text,
    review_comment     text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT catalog_entry_slug_unique UNIQUE (type, slug)
);

CREATE INDEX catalog_entry_public ON catalog_entry (type, lower(published_doc ->> 'name'), id)
    WHERE published_doc IS NOT NULL AND retired_at IS NULL;

-- Every publish is an immutable revision; a recorded session names the one the member followed.
CREATE TABLE catalog_revision (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id     uuid        NOT NULL REFERENCES catalog_entry (id),
    revision     integer     NOT NULL,
    doc          jsonb       NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL,
    approved_by  text,
    CONSTRAINT catalog_revision_unique UNIQUE (entry_id, revision)
);

-- Marks a seed as applied, so replicas starting together seed the catalog exactly once.
CREATE TABLE catalog_seed (
    name       text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
