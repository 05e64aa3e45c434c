package io.limber.reminder.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The rules that span fields of {@link PreferencesRequest}; each violation names its field. */
@Documented
@Constraint(validatedBy = PreferencesRequestValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPreferences {

    String message() default "invalid preferences";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
