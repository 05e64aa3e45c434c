package io.limber.session.api;

import java.util.List;

/** One page of a clinician's work queue, newest first. */
public record SafetyFlagPage(List<SafetyFlagView> items, int page, int size, long total) {}
