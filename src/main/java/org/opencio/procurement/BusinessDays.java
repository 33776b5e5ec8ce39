package org.opencio.procurement;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How long an approval step has waited, in business days: the weekdays after the day it started up to and including
 * today, both read in the organization's time zone. Saturdays and Sundays do not count, so a step started on a Friday
 * has waited one business day on the Monday after.
 */
final class BusinessDays {

    private BusinessDays() {}

    static int waited(LocalDate started, LocalDate today) {
        if (!today.isAfter(started)) {
            return 0;
        }
        // Whole weeks hold five business days each; the days left over are counted one by one.
        long days = today.toEpochDay() - started.toEpochDay();
        long weeks = days / 7;
        int count = (int) (weeks * 5);
        for (LocalDate d = started.plusDays(weeks * 7 + 1); !d.isAfter(today); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                count++;
            }
        }
        return count;
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
