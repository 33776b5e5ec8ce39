package org.opencio.vendor;

/** The unit of a notice period: calendar days, or calendar months (clamped at month ends). */
public enum NoticeUnit {
    DAYS,
    MONTHS
}
