package org.opencio.budget;

public enum ExpenseType {
    CAPEX,
    OPEX
}
