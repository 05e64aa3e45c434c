package io.limber.session.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Every rule an {@code Idempotency-Key} header must meet, for both writes that take one, in one
 * place so they cannot drift apart:
 *
 * <ul>
 *   <li>Characters: Vert.x refuses a header with control characters (a bare 400) before any of
 *       this runs; every other character is accepted.
 *   <li>Empty or blank: refused here by a filter. RESTEasy hands an empty header to the resource
 *       as null, the same as no header, and a write without a key is recorded again on every
 *       retry: a client whose key came out empty would get the very duplicates it sent a key to
 *       avoid.
 *   <li>Length: 1 to {@value #MAX_LENGTH} characters, checked by Bean Validation on the resource
 *       parameter ({@link Length}), so the answer names the header and the OpenAPI document shows
 *       the bounds.
 * </ul>
 */
public class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";

    public static final int MAX_LENGTH = 200;

    @ServerRequestFilter
    public void refuseEmpty(HttpServerRequest request) {
        String key = request.getHeader(NAME);
        if (key != null && key.isBlank()) {
            throw new BadRequestException("Header '" + NAME + "' is empty: send a unique key of 1 to " + MAX_LENGTH
                    + " characters to make retries safe, or leave the header out");
        }
    }

    /** The length rule, on a resource's {@code @HeaderParam(IdempotencyKeyHeader.NAME)}. */
    @Documented
    @Constraint(validatedBy = {})
    @Size(min = 1, max = MAX_LENGTH)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Length {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
