package io.limber.content.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

import io.limber.content.domain.MediaKind;

public record MediaRef(
        @NotNull MediaKind kind,
        @NotBlank @URL String url,
        @Size(max = 300) String alt) {}
