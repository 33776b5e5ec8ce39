package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTests {

    private static final long HOUR = 3600;

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Percentiles.ofSeconds(List.of(5 * HOUR, 1 * HOUR, 3 * HOUR)).medianHours()).isEqualByComparingTo("3");
        assertThat(Percentiles.ofSeconds(List.of(4 * HOUR, 1 * HOUR, 2 * HOUR, 9 * HOUR)).medianHours()).isEqualByComparingTo("3");
        assertThat(Percentiles.ofSeconds(List.of(1800L)).medianHours()).isEqualByComparingTo("0.5");
    }

    @Test
    void theNinetiethPercentileIsTheNearestRank() {
        // 1..10 hours: the 9th value; 1..20 hours: the 18th; 1..11 hours: rank ceil(9.9) = 10.
        assertThat(Percentiles.ofSeconds(hours(10)).p90Hours()).isEqualByComparingTo("9");
        assertThat(Percentiles.ofSeconds(hours(20)).p90Hours()).isEqualByComparingTo("18");
        assertThat(Percentiles.ofSeconds(hours(11)).p90Hours()).isEqualByComparingTo("10");
        assertThat(Percentiles.ofSeconds(hours(1)).p90Hours()).isEqualByComparingTo("1");
        assertThat(Percentiles.ofSeconds(hours(10)).count()).isEqualTo(10);
    }

    @Test
    void nothingMeasuredHasNoFigures() {
        var stat = Percentiles.ofSeconds(List.of());
        assertThat(stat.count()).isZero();
        assertThat(stat.medianHours()).isNull();
        assertThat(stat.p90Hours()).isNull();
    }

    private static List<Long> hours(int n) {
        return LongStream.rangeClosed(1, n).map(h -> h * HOUR).boxed().toList();
    }
}
