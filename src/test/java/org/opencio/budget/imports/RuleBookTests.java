package org.opencio.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleBookTests {

    static MappingRuleView rule(String line, String provider, String service, String subAccount, String tagKey, String tagValue, int priority) {
        return new MappingRuleView(UUID.randomUUID(), provider, service, subAccount, tagKey, tagValue, null, line, priority, false,
                Instant.parse("2026-01-01T00:00:00Z"), 0);
    }

    static CostRow row(String provider, String service, String subAccountName, String tags) {
        return new CostRow(2, "k", LocalDate.of(2026, 3, 1), BigDecimal.ONE, null, null, provider, service, "123", subAccountName, tags,
                null, null, "Usage", "EUR", null, BigDecimal.ONE);
    }

    static String lineOf(RuleBook book, CostRow row) throws Exception {
        return book.match(row).map(MappingRuleView::lineCode).orElse("UNALLOCATED");
    }

    @Test
    void theMostSpecificRuleWinsThenTheLowerPriority() throws Exception {
        RuleBook book = new RuleBook(List.of(
                rule("AWS", "AWS", null, null, null, null, 100),
                rule("AWS-EC2", "aws", "Amazon EC2", null, null, null, 100),
                rule("PAYMENTS", "AWS", null, null, "team", "payments", 100),
                rule("DATA-FIRST", null, null, "data-platform", null, null, 10),
                rule("DATA-SECOND", null, null, "data-platform", null, null, 20),
                rule("TAGGED", null, null, null, "env", null, 100)));
        assertThat(lineOf(book, row("AWS", "Amazon S3", "web", null))).isEqualTo("AWS");
        assertThat(lineOf(book, row("AWS", "amazon ec2", "web", null))).isEqualTo("AWS-EC2");
        assertThat(lineOf(book, row("AWS", "Amazon S3", "web", "{\"team\":\"Payments\"}"))).isEqualTo("PAYMENTS");
        assertThat(lineOf(book, row("Microsoft", "SQL", "data-platform", null))).isEqualTo("DATA-FIRST");
        assertThat(lineOf(book, row("Microsoft", "SQL", "web", "{\"env\":\"prod\"}"))).isEqualTo("TAGGED");
        assertThat(lineOf(book, row("Snowflake", "Warehouse", "bi", null))).isEqualTo("UNALLOCATED");
    }

    @Test
    void aSubAccountMatchesByIdOrName() throws Exception {
        RuleBook book = new RuleBook(List.of(rule("BY-ID", null, null, "123", null, null, 100)));
        assertThat(lineOf(book, row("AWS", "EC2", "whatever", null))).isEqualTo("BY-ID");
    }

    @Test
    void archivedRulesAreIgnoredAndTagsMustBeAJsonObject() throws Exception {
        var archived = new MappingRuleView(UUID.randomUUID(), "AWS", null, null, null, null, null, "OLD", 1, true, Instant.now(), 1);
        RuleBook book = new RuleBook(List.of(archived));
        assertThat(lineOf(book, row("AWS", "EC2", "web", null))).isEqualTo("UNALLOCATED");
        assertThatThrownBy(() -> book.match(row("AWS", "EC2", "web", "{team:web"))).isInstanceOf(RuleBook.BadTags.class);
        assertThatThrownBy(() -> book.match(row("AWS", "EC2", "web", "[1,2]"))).isInstanceOf(RuleBook.BadTags.class);
        assertThat(RuleBook.parse("{\"a\":\"x\",\"n\":3,\"b\":null,\"o\":{\"deep\":1}}"))
                .containsEntry("a", "x").containsEntry("n", "3").containsEntry("b", "").containsEntry("o", "");
    }
}
