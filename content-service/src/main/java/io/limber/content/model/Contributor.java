package io.limber.content.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An author or reviewer of a piece of content, shown to members with their credentials.
 *
 * @param role e.g. {@code clinical reviewer} or {@code medical reviewer}
 */
public record Contributor(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 120) String credentials,
        @Size(max = 60) String role) {}
