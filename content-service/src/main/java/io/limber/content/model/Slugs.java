package io.limber.content.model;

final class Slugs {

    static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String MESSAGE = "must be lower-case words joined by hyphens, e.g. open-book-rotation";

    private Slugs() {}
}
