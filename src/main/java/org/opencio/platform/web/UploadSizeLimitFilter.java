package org.opencio.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * File uploads (multipart) larger than allowed are refused with 413 from their declared length, before a byte of
 * them is read: the client learns it at once (with Expect: 100-continue it never sends the body), and no disk or memory
 * is spent. Uploads may be {@code opencio.uploads.max-size} large; the paths in {@code opencio.uploads.large-paths}
 * (bulk imports) up to {@code opencio.uploads.large-max-size}, which is also the container's multipart limit for
 * uploads that declare no length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class UploadSizeLimitFilter extends OncePerRequestFilter {

    private final AntPathMatcher paths = new AntPathMatcher();
    private final long maxBytes;
    private final long largeMaxBytes;
    private final List<String> largePaths;

    UploadSizeLimitFilter(
            @Value("${opencio.uploads.max-size:50MB}") DataSize maxSize,
            @Value("${opencio.uploads.large-max-size:1GB}") DataSize largeMaxSize,
            @Value("${opencio.uploads.large-paths:}") List<String> largePaths) {
        this.maxBytes = maxSize.toBytes();
        this.largeMaxBytes = largeMaxSize.toBytes();
        this.largePaths = largePaths.stream().filter(p -> !p.isBlank()).map(String::strip).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean large = largePaths.stream().anyMatch(p -> paths.match(p, path));
        long limit = large ? largeMaxBytes : maxBytes;
        if (declaredLength(request) > limit) {
            String detail = "The upload is larger than " + DataSize.ofBytes(limit).toMegabytes() + " MB, the most accepted here.";
            if (path.startsWith("/api/")) {
                ProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", detail);
            } else {
                response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The Content-Length header, read as a long: a length over 2 GB does not fit the servlet API's int. */
    private static long declaredLength(HttpServletRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
