package org.opencio.platform.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of file OpenCIO accepts as uploads, recognised by their first bytes (their "magic"), never by the name or
 * the type a client declares: those are claims, which {@link #claimedBy} reads so that a caller can refuse a file
 * that is not what it says it is.
 */
public enum FileType {
    PDF("application/pdf", "PDF document", Set.of("pdf"), Set.of("application/pdf", "application/x-pdf")),
    PNG("image/png", "PNG image", Set.of("png"), Set.of("image/png")),
    JPEG("image/jpeg", "JPEG image", Set.of("jpg", "jpeg", "jpe", "jfif"), Set.of("image/jpeg", "image/jpg", "image/pjpeg")),
    WEBP("image/webp", "WebP image", Set.of("webp"), Set.of("image/webp"));

    /** Bytes enough to recognise every type here. */
    public static final int HEAD_BYTES = 12;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_MARK = {'W', 'E', 'B', 'P'};
    /** Types that say nothing about the file: what a client sends when it does not know. */
    private static final Set<String> UNKNOWN_TYPES = Set.of("application/octet-stream", "binary/octet-stream", "application/unknown");

    private final String mediaType;
    private final String label;
    private final Set<String> extensions;
    private final Set<String> mediaTypes;

    FileType(String mediaType, String label, Set<String> extensions, Set<String> mediaTypes) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = extensions;
        this.mediaTypes = mediaTypes;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A name for people: "PDF document". */
    public String label() {
        return label;
    }

    /** The type the content's first bytes show, if it is one of ours. */
    public static Optional<FileType> sniff(byte[] content) {
        if (startsWith(content, 0, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP_MARK)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * The first claim about the file that its bytes contradict: its name's extension, then the content type its upload
     * declared. A name without extension and a type such as {@code application/octet-stream} claim nothing; an
     * extension or type that is none of ours ({@code .txt}, {@code text/plain}) is a claim no file here can hold.
     * Null when every claim holds.
     */
    public static @Nullable Claim falseClaim(FileType actual, @Nullable String fileName, @Nullable String declaredType) {
        String ext = extension(fileName);
        if (ext != null) {
            Optional<FileType> named = Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
            if (named.orElse(null) != actual) {
                return new Claim(named.orElse(null), "." + ext);
            }
        }
        String type = declaredType == null ? "" : declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !UNKNOWN_TYPES.contains(type)) {
            Optional<FileType> declared = Arrays.stream(values()).filter(t -> t.mediaTypes.contains(type)).findFirst();
            if (declared.orElse(null) != actual) {
                return new Claim(declared.orElse(null), type);
            }
        }
        return null;
    }

    /** What a file claims to be: {@code type} when it is one of ours, and how it was said (".pdf", "text/plain"). */
    public record Claim(@Nullable FileType type, String said) {}

    /** The extension of a file name, lower case, when it looks like one (letters first, at most five characters). */
    private static @Nullable String extension(@Nullable String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return null;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z][a-z0-9]{0,4}") ? ext : null;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        return Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
    }
}
