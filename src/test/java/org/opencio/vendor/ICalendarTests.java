package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** RFC 5545 text: escaping of TEXT values, folding at 75 octets without cutting a UTF-8 character, CRLF line ends. */
class ICalendarTests {

    @Test
    void textValuesEscapeBackslashesSemicolonsCommasAndLineBreaks() {
        assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assertThat(ICalendar.escape("tab\there, bell\u0007 gone")).isEqualTo("tab\there\\, bell gone");
        assertThat(ICalendar.escape("Zürich – 日本")).isEqualTo("Zürich – 日本");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutCuttingACharacter() throws Exception {
        String value = "SUMMARY:" + "Wartungsvertrag für Zürich – Ærø – 日本語のサポート – 🚀 ".repeat(6);
        String folded = ICalendar.fold(value);
        String[] lines = folded.split("\r\n", -1);
        assertThat(lines.length).isGreaterThan(3);
        for (int i = 0; i < lines.length; i++) {
            byte[] bytes = lines[i].getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).as("line %d", i).isLessThanOrEqualTo(75);
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
            // Each physical line is valid UTF-8 on its own: no character was cut in two.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(value);
        assertThat(ICalendar.fold("SHORT:line")).isEqualTo("SHORT:line");
        assertThat(ICalendar.fold("X:" + "a".repeat(73))).doesNotContain("\r\n");
        assertThat(ICalendar.fold("X:" + "a".repeat(74))).isEqualTo("X:" + "a".repeat(73) + "\r\n a");
    }

    @Test
    void aCalendarHasCrlfLineEndsAndDatesInBasicFormat() throws CharacterCodingException {
        String text = new ICalendar()
                .begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .date("DTSTART", LocalDate.of(2028, 2, 29))
                .utc("DTSTAMP", Instant.parse("2026-11-24T09:05:03Z"))
                .text("SUMMARY", "Notice, please; now")
                .end("VCALENDAR")
                .build();
        assertThat(text).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nDTSTART;VALUE=DATE:20280229\r\nDTSTAMP:20261124T090503Z\r\n"
                + "SUMMARY:Notice\\, please\\; now\r\nEND:VCALENDAR\r\n");
    }
}
