package org.opencio.vendor;

import java.util.List;

/**
 * An organization's contract settings: a contract in force counts as expiring this many days before its decision date,
 * and its owner and the CIOs are reminded these many days before a notice deadline (largest first).
 */
public record ContractSettingsView(int expiringWindowDays, List<Integer> reminderDays, long version) {}
