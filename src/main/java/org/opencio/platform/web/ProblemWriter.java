package org.opencio.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details where no controller is involved (security, filters, the error page). */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemWriter() {}

    public static URI type(String slug) {
        return URI.create("urn:opencio:problem:" + slug);
    }

    public static ProblemDetail problem(HttpStatus status, String typeSlug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(typeSlug));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static void write(HttpServletResponse response, HttpStatus status, String typeSlug, String detail)
            throws IOException {
        write(response, problem(status, typeSlug, detail));
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
        response.flushBuffer();
    }
}
