package io.limber.session.api;

import java.util.List;

/** One page of a member's sessions, newest first. */
public record SessionPage(List<SessionView> items, int page, int size, long total) {}
