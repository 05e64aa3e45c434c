package io.limber.content.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

public record Citation(
        @NotBlank @Size(max = 500) String text,
        @Size(max = 100) String doi,
        @URL String url) {}
