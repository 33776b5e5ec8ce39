package org.opencio.budget;

import org.opencio.shared.ConflictException;

/** A reservation or commitment refused because the line's policy blocks spending over plan. */
public class BudgetExceededException extends ConflictException {

    private final BudgetCheck check;

    BudgetExceededException(BudgetCheck check) {
        super("amount", "the amount exceeds what is available on the budget line (" + check.availableBefore() + " "
                + check.currency() + ") and its policy blocks overspending");
        this.check = check;
    }

    public BudgetCheck check() {
        return check;
    }
}
