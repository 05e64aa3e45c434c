package io.limber.reminder.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param secret the signing secret in Standard Webhooks form: {@code whsec_} and a base64 key of
 *     24 to 64 bytes; write-only, never returned
 */
public record WebhookRequest(
        @Schema(examples = "https://hooks.example.com/limber") @NotBlank @Size(max = 2000)
        String url,

        @Schema(examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") @NotBlank @Size(max = 200)
        String secret) {}
