package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A goods receipt: on which day, and how many of which order lines arrived. */
public record ReceiveGoods(@Nullable LocalDate receivedOn, @Nullable String note, @Nullable List<Line> lines) {

    public record Line(@Nullable UUID orderLineId, @Nullable BigDecimal quantity) {}
}
