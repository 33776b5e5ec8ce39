package org.opencio.procurement;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code opencio.procurement.attachment-max-size}: the largest file attached to a purchase request (20 MB). */
@ConfigurationProperties("opencio.procurement")
public record ProcurementSettings(@Nullable DataSize attachmentMaxSize) {

    public ProcurementSettings {
        if (attachmentMaxSize == null) {
            attachmentMaxSize = DataSize.ofMegabytes(20);
        }
    }

    public DataSize attachmentMaxSize() {
        return attachmentMaxSize == null ? DataSize.ofMegabytes(20) : attachmentMaxSize;
    }
}
