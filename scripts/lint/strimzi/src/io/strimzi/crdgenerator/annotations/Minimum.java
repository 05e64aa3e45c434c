package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Same name and element as Strimzi's own annotation, which is not published: with it on the class
 * path, reflection reads the bound that Strimzi's classes carry and its CRD generator emits.
 */
@Retention(RetentionPolicy.RUNTIME)
public @interface Minimum {
    int value();
}
