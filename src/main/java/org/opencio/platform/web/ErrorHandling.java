package org.opencio.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencio.platform.files.UploadRejectedException;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into a 4xx problem detail naming what is wrong (API), or an error page (pages). Nothing of an
 * exception's message reaches a user unless it is one of ours, written for them; unexpected failures are logged with
 * an incident id that the answer repeats.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, ProblemWriter.problem(HttpStatus.NOT_FOUND, "not-found", e.what() + " not found"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noResource(HttpServletRequest request) {
        return respond(
                request, ProblemWriter.problem(HttpStatus.NOT_FOUND, "not-found", "No such resource: " + path(request)));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
        return respond(request, validation(e.errors()));
    }

    @ExceptionHandler(BindException.class)
    ModelAndView bind(BindException e, HttpServletRequest request) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        e.getFieldErrors()
                .forEach(f -> errors.add(new InvalidInputException.FieldError(
                        f.getField(), String.valueOf(f.getCode()), f.getField() + " " + f.getDefaultMessage())));
        e.getGlobalErrors()
                .forEach(g -> errors.add(new InvalidInputException.FieldError(
                        g.getObjectName(), String.valueOf(g.getCode()), String.valueOf(g.getDefaultMessage()))));
        return respond(request, validation(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> {
            String name = r.getMethodParameter().getParameterName();
            errors.add(new InvalidInputException.FieldError(
                    String.valueOf(name), "invalid", name + " " + err.getDefaultMessage()));
        }));
        return respond(request, validation(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ModelAndView unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (causedBy(e, BodySizeLimitFilter.TooLarge.class)) {
            return respond(
                    request,
                    ProblemWriter.problem(
                            HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large."));
        }
        JacksonException json = cause(e, JacksonException.class);
        if (json != null) {
            String field = fieldPath(json);
            String detail = field.isEmpty()
                    ? "The request body is not valid JSON."
                    : "The value of '" + field + "' is missing or of the wrong type.";
            if (json instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
                detail = "Unknown field '" + field + "'.";
            } else if (json instanceof tools.jackson.databind.exc.InvalidFormatException ife
                    && ife.getTargetType() != null
                    && ife.getTargetType().isEnum()) {
                detail = "'" + field + "' must be one of "
                        + java.util.Arrays.toString(ife.getTargetType().getEnumConstants()) + ".";
            }
            var problem = validation(List.of(new InvalidInputException.FieldError(
                    field.isEmpty() ? "body" : field, "json.invalid", detail)));
            problem.setDetail(detail);
            return respond(request, problem);
        }
        return respond(
                request,
                validation(List.of(new InvalidInputException.FieldError(
                        "body", "body.missing", "The request body is missing or unreadable."))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(
                request,
                validation(List.of(new InvalidInputException.FieldError(
                        e.getName(), "type", "'" + e.getName() + "' has a value of the wrong type."))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(
                request,
                validation(List.of(new InvalidInputException.FieldError(
                        e.getParameterName(), "required", "'" + e.getParameterName() + "' is required."))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ModelAndView missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(
                request,
                validation(List.of(new InvalidInputException.FieldError(
                        e.getHeaderName(), "required", "The header '" + e.getHeaderName() + "' is required."))));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(
                request,
                ProblemWriter.problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        e.getMethod() + " is not allowed here; allowed: " + e.getSupportedHttpMethods()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(
                request,
                ProblemWriter.problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type",
                        "Content-Type " + e.getContentType() + " is not supported; send application/json."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpServletRequest request) {
        return respond(
                request,
                ProblemWriter.problem(
                        HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "This resource is available as application/json."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return respond(
                request,
                ProblemWriter.problem(
                        HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The uploaded file is too large."));
    }

    @ExceptionHandler(UploadRejectedException.class)
    ModelAndView uploadRejected(UploadRejectedException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.valueOf(e.status()), "upload-" + e.code(), e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "code", e.code(), "detail", e.getMessage())));
        return respond(request, problem);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "detail", e.getMessage())));
        return respond(request, problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Integrity violation on {}: {}", path(request), e.getMostSpecificCause().getMessage());
        return respond(
                request,
                ProblemWriter.problem(
                        HttpStatus.CONFLICT, "conflict", "The change conflicts with existing data; nothing was saved."));
    }

    @ExceptionHandler(StaleVersionException.class)
    ModelAndView stale(StaleVersionException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.PRECONDITION_FAILED, "stale-version", e.getMessage());
        problem.setProperty("currentVersion", e.current());
        return respond(request, problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView optimistic(HttpServletRequest request) {
        return respond(
                request,
                ProblemWriter.problem(
                        HttpStatus.PRECONDITION_FAILED,
                        "stale-version",
                        "The record was changed by someone else meanwhile; reload and try again."));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ModelAndView preconditionRequired(PreconditionRequiredException e, HttpServletRequest request) {
        return respond(
                request, ProblemWriter.problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", e.getMessage()));
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(RuntimeException e, HttpServletRequest request) {
        String detail = e instanceof ForbiddenException ? e.getMessage() : "You may not do this.";
        return respond(request, ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", detail));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Incident {} on {} {}", incident, request.getMethod(), path(request), e);
        ProblemDetail problem = ProblemWriter.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on our side; nothing was changed. Incident " + incident + ".");
        problem.setProperty("incident", incident);
        return respond(request, problem);
    }

    static ProblemDetail validation(List<InvalidInputException.FieldError> errors) {
        String detail = errors.isEmpty()
                ? "The request is invalid."
                : errors.stream().map(InvalidInputException.FieldError::detail).reduce((a, b) -> a + "; " + b).get();
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "validation", detail);
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(f -> Map.of("field", f.field(), "code", f.code(), "detail", f.detail()))
                        .toList());
        return problem;
    }

    private static ModelAndView respond(HttpServletRequest request, ProblemDetail problem) {
        if (isApi(request)) {
            return new ModelAndView(new ProblemView(problem));
        }
        var view = new ModelAndView(ErrorPages.template(problem.getStatus()));
        view.setStatus(HttpStatus.valueOf(problem.getStatus()));
        view.addObject("status", problem.getStatus());
        view.addObject("problem", problem);
        return view;
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = path(request);
        return uri.startsWith("/api/") || uri.startsWith("/actuator/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String fieldPath(JacksonException e) {
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

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Renders a problem detail as application/problem+json from a handler that otherwise renders views. */
    record ProblemView(ProblemDetail problem) implements org.springframework.web.servlet.View {

        @Override
        public String getContentType() {
            return "application/problem+json";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            ProblemWriter.write(response, problem);
        }
    }
}
