package org.opencio.platform.files;

import java.nio.charset.StandardCharsets;
import org.opencio.platform.web.ETags;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file sent back as a download that no browser renders in place or reads as another type. */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> attachment(String fileName, String contentType, byte[] bytes, long version) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag(ETags.of(version))
                .body(bytes);
    }
}
