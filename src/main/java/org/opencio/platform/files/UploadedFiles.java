package org.opencio.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** What every module that stores an uploaded file does with it: read it within a limit, clean its name, fingerprint it. */
public final class UploadedFiles {

    private UploadedFiles() {}

    /**
     * The content, at most {@code maxBytes + 1} bytes of it: a result longer than {@code maxBytes} means the file is too
     * large, however long it said it was, and no more of it was read. The stream is closed.
     */
    public static byte[] readAtMost(InputStream content, long maxBytes) {
        try (InputStream in = content) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name without folders (a browser may send "C:\scans\quote.pdf"), quotes or control characters, at most 255
     * characters with its extension kept; {@code fallback} when nothing is left.
     */
    public static String cleanName(@Nullable String fileName, String fallback) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            return fallback;
        }
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 255 - ext.length()) + ext;
        }
        return name;
    }

    /** The SHA-256 of the bytes, in lower-case hex: the same file uploaded twice has the same one. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
