package org.opencio.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.TokenHashing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on API POSTs: the first response to a key is stored, and a repeat of the same request with
 * that key gets it again instead of a second change. Reusing a key for a different request is an error (422); a repeat
 * while the first is still running is told to wait (409). Keys belong to the caller and expire after a day.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;

    IdempotencyFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        // Uploads are not read into memory here; endpoints that take them keep their own Idempotency-Key record.
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AccountPrincipal> caller = CurrentUser.get();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200) {
            ProblemWriter.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Idempotency-Key must be between 1 and 200 characters.");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodySizeLimitFilter.TooLarge e) {
            // A body without a declared length is only found too large while it is read, here before any controller.
            ProblemWriter.write(
                    response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large.");
            return;
        }
        String fingerprint = TokenHashing.sha256(request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));
        UUID accountId = caller.get().accountId();
        try {
            jdbc.sql("insert into idempotency_keys (account_id, idem_key, fingerprint, state, created_at) "
                            + "values (?, ?, ?, 'PENDING', ?)")
                    .params(accountId, key, fingerprint, java.sql.Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException e) {
            replay(accountId, key, fingerprint, response);
            return;
        }
        var cached = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBody(request, body), cached);
            if (cached.getStatus() < 500) {
                jdbc.sql("update idempotency_keys set state = 'DONE', status = ?, content_type = ?, location = ?, "
                                + "etag = ?, body = ? where account_id = ? and idem_key = ?")
                        .params(
                                cached.getStatus(),
                                cached.getContentType(),
                                cached.getHeader(HttpHeaders.LOCATION),
                                cached.getHeader(HttpHeaders.ETAG),
                                new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8),
                                accountId,
                                key)
                        .update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("delete from idempotency_keys where account_id = ? and idem_key = ?")
                        .params(accountId, key)
                        .update();
            }
            cached.copyBodyToResponse();
        }
    }

    private void replay(UUID accountId, String key, String fingerprint, HttpServletResponse response)
            throws IOException {
        var previous = jdbc.sql("select fingerprint, state, status, content_type, location, etag, body "
                        + "from idempotency_keys where account_id = ? and idem_key = ?")
                .params(accountId, key)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
        if (previous.isEmpty()) {
            ProblemWriter.write(
                    response, HttpStatus.CONFLICT, "idempotency-in-progress", "Retry: the first request just ended.");
            return;
        }
        Stored s = previous.get();
        if (!s.fingerprint().equals(fingerprint)) {
            ProblemWriter.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request.");
            return;
        }
        if (!"DONE".equals(s.state())) {
            ProblemWriter.write(
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency-in-progress",
                    "The first request with this Idempotency-Key is still being processed.");
            return;
        }
        response.setStatus(s.status());
        if (s.contentType() != null) {
            response.setContentType(s.contentType());
        }
        if (s.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, s.location());
        }
        if (s.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, s.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (s.body() != null) {
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(s.body());
        }
    }

    private record Stored(
            String fingerprint,
            String state,
            int status,
            String contentType,
            String location,
            String etag,
            String body) {}

    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
