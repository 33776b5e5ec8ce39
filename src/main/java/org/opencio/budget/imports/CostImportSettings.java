package org.opencio.budget.imports;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cost imports ({@code opencio.cost-imports.*}): how many run at once on a node and how many may wait, rows per
 * database batch, where uploaded files wait (a node-local folder), how many rejected rows an
 * import keeps for its report, and after how long without a sign of life a running import counts as interrupted.
 */
@ConfigurationProperties("opencio.cost-imports")
record CostImportSettings(
        @DefaultValue("2") int workers,
        @DefaultValue("20") int queueCapacity,
        @DefaultValue("2000") int batchSize,
        @Nullable Path stagingDir,
        @DefaultValue("10000") int maxStoredRejections,
        @DefaultValue("2m") Duration staleAfter) {

    Path staging() {
        return stagingDir != null ? stagingDir : Path.of(System.getProperty("java.io.tmpdir"), "opencio-cost-imports");
    }
}
