package org.opencio.vendor.rest;

import java.util.List;
import java.util.Map;
import org.opencio.platform.web.ProblemWriter;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.CommitmentRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** Reading a JSON body that was first read as a tree (a merge patch), with the same 400 answers as any other body. */
final class JsonBodies {

    private JsonBodies() {}

    static <T> T read(JsonMapper json, JsonNode body, Class<T> type) {
        try {
            return json.treeToValue(body, type);
        } catch (JacksonException e) {
            String field = path(e);
            String detail = "The value of '" + field + "' is missing or of the wrong type.";
            if (e instanceof UnrecognizedPropertyException) {
                detail = "Unknown field '" + field + "'.";
            } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
                detail = "'" + field + "' must be one of " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants()) + ".";
            }
            throw InvalidInputException.of(field.isEmpty() ? "body" : field, "json.invalid", detail);
        }
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** 409 naming the budget line, with the budget's check (available before and after, policy) as {@code check}. */
    static ResponseEntity<ProblemDetail> conflict(CommitmentRefusedException e) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.CONFLICT, "budget-exceeded", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "detail", e.getMessage())));
        problem.setProperty("check", e.check());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
