package io.limber.reminder.api;

import java.net.URI;
import java.util.List;

/** RFC 9457 problem details, as every error of this API is answered (documentation only). */
public record Problem(URI type, String title, int status, String detail, URI instance, List<Violation> violations) {

    /** One invalid field of a request: where it is and what is wrong with it. */
    public record Violation(String field, String in, String message) {}
}
