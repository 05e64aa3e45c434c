package io.limber.web;

import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON body of the wrong shape (an array where a string belongs, a string with a NUL) as a 400
 * problem naming the field, instead of the Jackson extension's own non-problem body.
 */
public class JsonProblems {

    @ServerExceptionMapper(priority = 4900)
    Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String detail =
                e.getOriginalMessage() == null ? "The body does not have the expected shape" : e.getOriginalMessage();
        int cut = detail.indexOf(" at [Source");
        if (cut > 0) {
            detail = detail.substring(0, cut);
        }
        return CommonProblem.BAD_REQUEST
                .problem(field.isEmpty() ? detail : "Field '" + field + "': " + firstLine(detail))
                .toResponse();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
