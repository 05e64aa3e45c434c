package io.limber.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Converts {@code int} and {@code Integer} request parameters so that a value which is not a
 * whole number ({@code size=abc}, {@code page=1e9}, one past {@link Integer#MAX_VALUE}) is a 400
 * naming the parameter.
 *
 * <p>Without it the built-in conversion fails with a {@link NumberFormatException}, which
 * Jakarta REST requires to become a 404 with no entity for query and path parameters
 * (specification 3.2); RESTEasy Reactive passes on a {@code WebApplicationException} thrown by a
 * converter as it is.
 */
@Provider
public class IntegerParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != int.class && rawType != Integer.class) {
            return null;
        }
        return (ParamConverter<T>) new Whole(name(annotations));
    }

    private static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return "Query parameter '" + q.value() + "'";
                } else if (a instanceof PathParam p) {
                    return "Path parameter '" + p.value() + "'";
                } else if (a instanceof RestQuery q && !q.value().isEmpty()) {
                    return "Query parameter '" + q.value() + "'";
                } else if (a instanceof RestPath p && !p.value().isEmpty()) {
                    return "Path parameter '" + p.value() + "'";
                }
            }
        }
        return "A parameter";
    }

    record Whole(String parameter) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                // resteasy-problem renders it as a 400 problem with this message as its detail.
                throw new BadRequestException(parameter + " must be a whole number between " + Integer.MIN_VALUE
                        + " and " + Integer.MAX_VALUE + ", not '" + shortened(value) + "'");
            }
        }

        @Override
        public String toString(Integer value) {
            return value == null ? null : value.toString();
        }

        private static String shortened(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "..." : value;
        }
    }
}
